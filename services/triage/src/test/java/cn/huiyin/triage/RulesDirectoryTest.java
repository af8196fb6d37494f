package cn.huiyin.triage;

import static cn.huiyin.triage.TriageTestKit.ADMIN;
import static cn.huiyin.triage.TriageTestKit.CITY_TRIAGE_OFFICER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Rules editable without a rebuild: the rule and registry files are read from the rules directory (here
 * {@code target/test-rules}, see the test's triage.properties), each missing one from the packaged defaults; a reload
 * (the admin endpoint or the watch on the directory) checks the set as a whole, and a set with any mistake leaves the
 * rules in force as they were.
 */
@ServiceTest
class RulesDirectoryTest extends TriageScenario {

    static final Path DIRECTORY = Path.of("target/test-rules");
    static final String STATION = """
        {"description": "春熙路商圈附近没有骑手能休息的地方，想要一个能喝水充电的驿站。", "workerGroup": "FOOD_DELIVERY_RIDER",
         "divisionCode": "510104001", "submittedAt": "2026-12-02T10:00:00+08:00"}""";

    @AfterEach
    void backToThePackagedRules() throws IOException {
        for (String file : List.of("classification.json", "routing.json", "deadlines.json", "organisations.json")) {
            Files.deleteIfExists(DIRECTORY.resolve(file));
        }
        assertThat(kit.as(ADMIN).post("/api/triage/rules/reload", "").status()).isEqualTo(200);
    }

    @Test
    void anEditedRoutingFileIsLoadedOnRequestAndAnInvalidSetLeavesTheRulesInForce() throws IOException {
        assertThat(kit.as(ADMIN).get("/api/triage/rules").json().at("/source/origins/routing.json").asString())
            .startsWith("classpath:");
        write("routing.json", packaged("rules/routing.json").replace("\"coHandling\": [", """
            "coHandling": [
                {"id": "C90-STATIONS-ON-PUBLIC-LAND", "when": {"categories": ["STATIONS_FACILITIES"]}, "organisations": ["org-dept-urban"],
                 "descriptionZh": "公共用地上的驿站由城管部门协办", "descriptionEn": "urban management co-handles stations on public land"},"""));

        HttpJson.Response reloaded = kit.as(ADMIN).post("/api/triage/rules/reload", "");

        assertThat(reloaded.status()).as(reloaded.body()).isEqualTo(200);
        assertThat(reloaded.json().at("/source/origins/routing.json").asString()).endsWith("routing.json")
            .doesNotStartWith("classpath:");
        assertThat(coHandlers(preview())).contains("org-dept-urban");
        String inForce = kit.as(ADMIN).get("/api/triage/rules").json().at("/source/fingerprint").asString();

        write("classification.json", packaged("rules/classification.json")
            .replace("\"categories\": [\"SAFETY_HAZARD\"], \"anyTerms\": [\"@plainDanger\"]",
                "\"categories\": [\"NO_SUCH_CATEGORY\"], \"anyTerms\": [\"@plainDanger\", \"差点…\"]"));
        write("deadlines.json", packaged("rules/deadlines.json").replace("\"amount\": 2, \"unit\": \"CLOCK_HOURS\"",
            "\"amount\": 2, \"unit\": \"FORTNIGHTS\""));
        HttpJson.Response refused = kit.as(ADMIN).post("/api/triage/rules/reload", "");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(TriageTestKit.fields(refused.json())).contains("classification.json", "deadlines.json");
        assertThat(refused.json().get("errors").toString()).contains("NO_SUCH_CATEGORY", "差点…", "FORTNIGHTS");
        assertThat(kit.as(ADMIN).get("/api/triage/rules").json().at("/source/fingerprint").asString())
            .as("the rules in force stay").isEqualTo(inForce);
        assertThat(coHandlers(preview())).contains("org-dept-urban");
    }

    @Test
    void theWatchOnTheDirectoryLoadsAChangedFileWithoutBeingAsked() throws IOException {
        String before = kit.as(ADMIN).get("/api/triage/rules").json().at("/source/fingerprint").asString();

        write("routing.json", packaged("rules/routing.json").replace("\"coHandling\": [", """
            "coHandling": [
                {"id": "C90-STATIONS-ON-PUBLIC-LAND", "when": {"categories": ["STATIONS_FACILITIES"]}, "organisations": ["org-dept-urban"],
                 "descriptionZh": "公共用地上的驿站由城管部门协办", "descriptionEn": "urban management co-handles stations on public land"},"""));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
            kit.as(ADMIN).get("/api/triage/rules").json().at("/source/fingerprint").asString(), now -> !now.equals(before));
        assertThat(coHandlers(preview())).contains("org-dept-urban");
    }

    @Test
    void aChangedRegistryFileIsLoadedAsAWholeAndAnInvalidOneIsRefused() throws IOException {
        String registry = packaged("organisations.json");
        write("organisations.json", registry.replace(" \"organisations\": [", """
             "organisations": [
              {"id": "org-pm-test-plaza", "name": "测试广场物业服务中心", "type": "PROPERTY_MANAGER", "parentId": "org-street-damian",
               "jurisdiction": ["510112002"], "competences": ["PARKING_ACCESS"],
               "places": [{"name": "测试广场", "divisionCode": "510112002"}]},"""));

        HttpJson.Response loaded = kit.as(ADMIN).post("/api/triage/rules/reload", "");

        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        assertThat(kit.as(ADMIN).get("/api/organisations/org-pm-test-plaza").status())
            .as("loaded by this request or, a moment earlier, by the watch on the directory").isEqualTo(200);
        JsonNode published = TriageTestKit.organisationUpdated("org-pm-test-plaza", 1);
        assertThat(published.get("active").asBoolean()).isTrue();
        assertThat(published.at("/ancestors/0/id").asString()).isEqualTo("org-street-damian");

        write("organisations.json", registry.replace(" \"organisations\": [", """
             "organisations": [
              {"id": "org-pm-test-orphan", "name": "无主物业", "type": "PROPERTY_MANAGER", "parentId": "org-street-nowhere",
               "jurisdiction": ["510112002"], "competences": ["NOT_A_CATEGORY"]},"""));
        HttpJson.Response refused = kit.as(ADMIN).post("/api/triage/rules/reload", "");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(TriageTestKit.fields(refused.json())).contains("organisations.json[0].competences");
        assertThat(kit.as(ADMIN).get("/api/organisations/org-pm-test-plaza").status()).as("the registry in force stays")
            .isEqualTo(200);
        assertThat(kit.as(CITY_TRIAGE_OFFICER).post("/api/triage/rules/reload", "").status()).as("administrators only")
            .isEqualTo(403);

        Files.delete(DIRECTORY.resolve("organisations.json"));
        assertThat(kit.as(ADMIN).post("/api/triage/rules/reload", "").status()).isEqualTo(200);
        assertThat(kit.as(ADMIN).get("/api/organisations/org-pm-test-plaza").status()).isEqualTo(404);
        JsonNode takenOut = TriageTestKit.organisationUpdated("org-pm-test-plaza", 2);
        assertThat(takenOut.get("active").asBoolean()).as("taken out of the registry, so inactive").isFalse();
        assertThat(takenOut.get("name").asString()).isEqualTo("测试广场物业服务中心");
    }

    private JsonNode preview() {
        return kit.as(CITY_TRIAGE_OFFICER).post("/api/triage/preview", STATION).json();
    }

    private static List<String> coHandlers(JsonNode preview) {
        return preview.at("/routing/coHandlers").valueStream().map(o -> o.get("id").asString()).toList();
    }

    private static void write(String file, String content) throws IOException {
        Files.createDirectories(DIRECTORY);
        Files.writeString(DIRECTORY.resolve(file), content, StandardCharsets.UTF_8);
    }

    private static String packaged(String path) throws IOException {
        try (InputStream in = RulesDirectoryTest.class.getClassLoader().getResourceAsStream("cn/huiyin/triage/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
