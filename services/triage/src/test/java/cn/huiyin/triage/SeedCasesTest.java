package cn.huiyin.triage;

import static cn.huiyin.triage.TriageTestKit.grievance;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import cn.huiyin.platform.test.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The cases of docs/examples/cases, filed as intake publishes them, end where the corpus says a city official expects
 * them (their entries name the file as source), and each case shows why: the rule that chose the lead, the rules that
 * attached each co-handler, the rules behind its urgency and joint review, and a history that names the lead.
 */
@ServiceTest
class SeedCasesTest extends TriageScenario {

    static final Path CASES = Path.of("../../docs/examples/cases");

    @Test
    void everyExampleCaseIsRoutedWhereTheCorpusSaysWithItsReasonsShown() throws IOException {
        // An ordinary Wednesday months away from every other scenario's filings in this shared database: the riders
        // other tests file would otherwise make a cluster of the seeds' rider claim, and a joint review with it.
        clock.set(java.time.Instant.parse("2027-06-16T02:00:00Z"));
        JsonNode corpus = TriageTestKit.JSON.readTree(Files.readString(TriageCorpusTest.CORPUS));
        List<String> checked = new ArrayList<>();
        for (JsonNode filing : corpus.get("filings")) {
            String source = filing.get("source").asString();
            if (!source.startsWith("docs/examples/cases/")) {
                continue;
            }
            JsonNode request = TriageTestKit.JSON.readTree(Files.readString(CASES.resolve(Path.of(source).getFileName())));
            JsonNode triaged = kit.submitAndAwait(asIntakePublishesIt(request));
            JsonNode expected = filing.get("expected");
            String name = source + ": " + triaged.at("/assignment/rule/descriptionZh").asString();

            assertThat(triaged.get("state").asString()).as(name).isEqualTo("ASSIGNED");
            assertThat(triaged.get("category").asString()).as(name).isEqualTo(expected.get("category").asString());
            assertThat(triaged.get("urgency").asString()).as(name).isEqualTo(expected.get("urgency").asString());
            assertThat(triaged.at("/assignment/organisation/id").asString()).as(name)
                .isEqualTo(expected.get("lead").asString());
            assertThat(ids(triaged.at("/assignment/coHandlers"))).as(name).isEqualTo(ids(expected.get("coHandlers")));
            assertThat(triaged.get("needsJointReview").asBoolean()).as(name).isEqualTo(expected.get("jointReview").asBoolean());

            assertThat(triaged.at("/assignment/rule/descriptionZh").asString()).as(name).isNotBlank();
            if (!triaged.at("/assignment/coHandlers").isEmpty()) {
                assertThat(triaged.at("/assignment/coHandlingRules").size()).as(name).isPositive();
            }
            if (!triaged.get("urgency").asString().equals("NORMAL")) {
                assertThat(triaged.at("/classification/urgencyReasons").size()).as(name).isPositive();
            }
            JsonNode assigned = triaged.get("history").valueStream()
                .filter(h -> h.get("action").asString().equals("ASSIGNED")).findFirst().orElseThrow();
            assertThat(assigned.get("summaryZh").asString()).as(name)
                .contains(triaged.at("/assignment/organisation/name").asString(), "依据");
            checked.add(source);
        }
        try (var files = Files.list(CASES)) {
            assertThat(checked).as("every example case is in the corpus").hasSize((int) files
                .filter(f -> !f.getFileName().toString().equals("filed-by.json")).count());
        }
    }

    /** What intake publishes for such a request: the contract's example with the request's facts. */
    private static TriageTestKit.Submission asIntakePublishesIt(JsonNode request) {
        JsonNode worker = request.get("worker");
        TriageTestKit.Submission submission = grievance()
            .channel(request.get("channel").asString())
            .group(worker.get("group").asString())
            .employer(worker.has("platformOrEmployer") ? worker.get("platformOrEmployer").asString() : null)
            .confidential(request.has("confidential") && request.get("confidential").asBoolean())
            .category(request.has("category") ? request.get("category").asString() : null)
            .description(request.get("description").asString())
            .place(request.at("/location/divisionCode").asString());
        return request.at("/location").has("address")
            ? submission.address(request.at("/location/address").asString()) : submission.address("");
    }

    private static Set<String> ids(JsonNode organisations) {
        Set<String> ids = new TreeSet<>();
        organisations.forEach(o -> ids.add(o.isString() ? o.asString() : o.get("id").asString()));
        return ids;
    }
}
