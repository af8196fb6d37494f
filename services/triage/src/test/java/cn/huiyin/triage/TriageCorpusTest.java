package cn.huiyin.triage;

import static cn.huiyin.triage.TriageTestKit.CITY_TRIAGE_OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import cn.huiyin.platform.test.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The corpus of realistic filings (contracts/reference-data/triage-corpus.json) through the public preview API: every
 * filing must be classified, rated and routed as a city official would expect, with the reasons shown. The test also
 * prints the classifier's confusion tables (category read from the text alone, and urgency), in the test output and
 * in {@code target/triage-corpus-report.txt}.
 */
@ServiceTest
class TriageCorpusTest extends TriageScenario {

    static final Path CORPUS = Path.of("../../contracts/reference-data/triage-corpus.json");

    @Test
    void everyFilingOfTheCorpusRoutesAndRatesAsAnOfficialExpectsWithItsReasonsShown() throws IOException {
        JsonNode corpus = TriageTestKit.JSON.readTree(Files.readString(CORPUS));
        List<String> wrong = new ArrayList<>();
        Map<String, Map<String, Integer>> categories = new TreeMap<>();
        Map<String, Map<String, Integer>> urgencies = new TreeMap<>();
        int routed = 0;
        int rated = 0;
        int recognised = 0;
        int filings = 0;
        for (JsonNode filing : corpus.get("filings")) {
            filings++;
            JsonNode expected = filing.get("expected");
            JsonNode asFiled = preview(corpus, filing, true);
            JsonNode fromText = filing.has("category") ? preview(corpus, filing, false) : asFiled;

            List<String> differences = new ArrayList<>();
            String category = asFiled.at("/classification/category").asString();
            String urgency = asFiled.at("/classification/urgency").asString();
            String lead = asFiled.at("/routing/lead/id").asString();
            Set<String> coHandlers = ids(asFiled.at("/routing/coHandlers"));
            Set<String> expectedCoHandlers = new TreeSet<>();
            expected.get("coHandlers").forEach(id -> expectedCoHandlers.add(id.asString()));
            boolean jointReview = asFiled.at("/classification/needsJointReview").asBoolean();
            if (!category.equals(expected.get("category").asString())) {
                differences.add("category " + category + " (matched " + asFiled.at("/classification/matchedTerms") + ")");
            }
            if (urgency.equals(expected.get("urgency").asString())) {
                rated++;
            } else {
                differences.add("urgency " + urgency + " " + asFiled.at("/classification/urgencyReasons"));
            }
            boolean routedRight = lead.equals(expected.get("lead").asString()) && coHandlers.equals(expectedCoHandlers);
            if (routedRight) {
                routed++;
            } else {
                differences.add("lead " + lead + " (" + asFiled.at("/routing/rule/id").asString() + "), co-handlers "
                    + coHandlers);
            }
            if (jointReview != expected.get("jointReview").asBoolean()) {
                differences.add("joint review " + jointReview);
            }
            differences.addAll(missingReasons(asFiled));
            if (!differences.isEmpty()) {
                wrong.add(filing.get("id").asString() + " " + differences);
            }

            String expectedCategory = expected.get("category").asString();
            String readFromText = fromText.at("/classification/category").asString();
            if (readFromText.equals(expectedCategory)) {
                recognised++;
            }
            categories.computeIfAbsent(expectedCategory, k -> new TreeMap<>()).merge(readFromText, 1, Integer::sum);
            urgencies.computeIfAbsent(expected.get("urgency").asString(), k -> new TreeMap<>()).merge(urgency, 1, Integer::sum);
        }

        String report = "Triage corpus: " + filings + " filings\n"
            + "  routed as expected (lead and co-handlers): " + routed + "\n"
            + "  rated as expected (urgency):              " + rated + "\n"
            + "  category read from the text alone right:  " + recognised + "\n"
            + "  wrong in any respect:                     " + wrong.size() + "\n\n"
            + "Category from the text alone (rows: expected, columns: classified)\n" + table(categories) + "\n"
            + "Urgency (rows: expected, columns: rated)\n" + table(urgencies)
            + (wrong.isEmpty() ? "" : "\nWrong:\n  " + String.join("\n  ", wrong) + "\n");
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/triage-corpus-report.txt"), report);

        assertThat(filings).isGreaterThanOrEqualTo(60);
        assertThat(wrong).as(report).isEmpty();
    }

    private JsonNode preview(JsonNode corpus, JsonNode filing, boolean withFilersCategory) {
        ObjectNode request = TriageTestKit.JSON.createObjectNode();
        if (withFilersCategory && filing.has("category")) {
            request.put("category", filing.get("category").asString());
        }
        request.put("description", filing.get("description").asString());
        request.put("workerGroup", filing.get("workerGroup").asString());
        if (filing.has("platformOrEmployer")) {
            request.put("platformOrEmployer", filing.get("platformOrEmployer").asString());
        }
        request.put("confidential", filing.get("confidential").asBoolean());
        request.put("divisionCode", filing.get("divisionCode").asString());
        if (filing.has("address")) {
            request.put("address", filing.get("address").asString());
        }
        request.put("channel", filing.get("channel").asString());
        request.put("submittedAt", (filing.has("submittedAt") ? filing.get("submittedAt")
            : corpus.get("defaultSubmittedAt")).asString());
        var response = kit.as(CITY_TRIAGE_OFFICER).post("/api/triage/preview", request.toString());
        assertThat(response.status()).as("%s: %s", filing.get("id"), response.body()).isEqualTo(200);
        return response.json();
    }

    /** A decision nobody can explain is not one an official can check. */
    private static List<String> missingReasons(JsonNode preview) {
        List<String> missing = new ArrayList<>();
        if (preview.at("/routing/rule/descriptionZh").asString("").isBlank()) {
            missing.add("no reason for the lead");
        }
        if (!preview.at("/routing/coHandlers").isEmpty() && preview.at("/routing/coHandlingRules").isEmpty()) {
            missing.add("no reason for the co-handlers");
        }
        if (!preview.at("/classification/urgency").asString().equals("NORMAL")
            && preview.at("/classification/urgencyReasons").isEmpty()) {
            missing.add("no reason for the urgency");
        }
        if (preview.at("/classification/needsJointReview").asBoolean()
            && preview.at("/classification/jointReviewReasons").isEmpty()) {
            missing.add("no reason for the joint review");
        }
        return missing;
    }

    private static Set<String> ids(JsonNode organisations) {
        Set<String> ids = new TreeSet<>();
        organisations.forEach(o -> ids.add(o.get("id").asString()));
        return ids;
    }

    private static String table(Map<String, Map<String, Integer>> counts) {
        Set<String> columns = new TreeSet<>(counts.keySet());
        counts.values().forEach(row -> columns.addAll(row.keySet()));
        Map<String, String> short_ = new LinkedHashMap<>();
        columns.forEach(c -> short_.put(c, c.length() > 8 ? c.substring(0, 8) : c));
        StringBuilder out = new StringBuilder(String.format("%-20s", ""));
        columns.forEach(c -> out.append(String.format("%9s", short_.get(c))));
        out.append(String.format("%7s%n", "right"));
        counts.forEach((expected, row) -> {
            out.append(String.format("%-20s", expected));
            columns.forEach(c -> out.append(String.format("%9s", row.getOrDefault(c, 0) == 0 ? "." : row.get(c))));
            int total = row.values().stream().mapToInt(Integer::intValue).sum();
            out.append(String.format("%7s%n", row.getOrDefault(expected, 0) + "/" + total));
        });
        return out.toString();
    }
}
