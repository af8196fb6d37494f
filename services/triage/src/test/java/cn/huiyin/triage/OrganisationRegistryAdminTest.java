package cn.huiyin.triage;

import static cn.huiyin.triage.TriageTestKit.ADMIN;
import static cn.huiyin.triage.TriageTestKit.CITY_TRIAGE_OFFICER;
import static cn.huiyin.triage.TriageTestKit.COMMITTEE_HANDLER;
import static cn.huiyin.triage.TriageTestKit.grievance;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The organisation registry of the demo city, loaded at first start and edited by administrators. */
@ServiceTest
class OrganisationRegistryAdminTest extends TriageScenario {

    @Test
    void theDemoCityIsThereWithItsChannelOfResponsibility() {
        JsonNode registry = kit.as(COMMITTEE_HANDLER).get("/api/organisations").json();
        JsonNode committees = kit.as(COMMITTEE_HANDLER).get("/api/organisations?type=INDUSTRY_COMMITTEE").json();
        JsonNode streets = kit.as(COMMITTEE_HANDLER).get("/api/organisations?parentId=org-district-lqy&type=STREET").json();
        JsonNode damian = kit.as(COMMITTEE_HANDLER).get("/api/organisations/org-street-damian").json();

        assertThat(registry.get("count").asInt()).isGreaterThan(90);
        assertThat(committees.get("organisations").valueStream().map(o -> o.get("id").asString())).contains(
            "org-committee-express", "org-committee-online-delivery", "org-committee-transport", "org-committee-ecommerce");
        assertThat(streets.get("organisations").valueStream().map(o -> o.get("id").asString()))
            .contains("org-street-longquan", "org-street-damian");
        assertThat(damian.get("name").asString()).isEqualTo("大面街道党工委");
        assertThat(damian.get("jurisdiction").get(0).asString()).isEqualTo("510112002");
        assertThat(damian.get("businessHours").asString()).isEqualTo("09:00-12:00,13:30-17:30");
        assertThat(kit.as(COMMITTEE_HANDLER).get("/api/organisations?q=美团").json().at("/organisations/0/id").asString())
            .isEqualTo("org-ent-meituan");
    }

    @Test
    void anAdministratorAddsAnEnterpriseAndTheNextGrievanceIsRoutedToIt() {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String id = "org-ent-kuaigou-" + suffix;
        String name = "快狗打车" + suffix;

        HttpJson.Response created = kit.as(ADMIN).put("/api/organisations/" + id, """
            {"name": "%s党支部", "nameEn": "GOGOX party branch", "type": "ENTERPRISE", "parentId": "org-committee-transport",
             "jurisdiction": ["510100"], "competences": ["PLATFORM_RULES", "WAGES", "OTHER"], "aliases": ["%s"],
             "businessHours": "09:00-12:00,13:00-18:00"}
            """.formatted(name, name));
        JsonNode triaged = kit.submitAndAwait(grievance().category("PLATFORM_RULES").group("TRUCK_DRIVER").employer(name)
            .description("平台派单规则突然调整，抽成提高"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/organisations/" + id);
        assertThat(triaged.at("/assignment/organisation/id").asString()).isEqualTo(id);
        assertThat(triaged.at("/assignment/coHandlers/0/id").asString()).isEqualTo("org-dept-transport");

        HttpJson.Response deactivated = kit.as(ADMIN).put("/api/organisations/" + id, """
            {"name": "%s党支部", "type": "ENTERPRISE", "parentId": "org-committee-transport", "jurisdiction": ["510100"],
             "competences": ["PLATFORM_RULES"], "aliases": ["%s"], "active": false}
            """.formatted(name, name));
        JsonNode afterwards = kit.submitAndAwait(grievance().category("PLATFORM_RULES").group("TRUCK_DRIVER").employer(name)
            .description("平台派单规则突然调整，抽成提高"));
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(afterwards.at("/assignment/organisation/id").asString()).isEqualTo("org-committee-transport");
    }

    @Test
    void everyMistakeInAnEditIsNamedAndNothingIsStored() {
        HttpJson.Response bad = kit.as(ADMIN).put("/api/organisations/org-street-nowhere", """
            {"name": "无名街道党工委", "type": "STREET", "parentId": "org-district-lqy",
             "jurisdiction": ["999999999"], "competences": ["PARKING_ACCESS", "NOT_A_CATEGORY"],
             "workerGroups": ["ASTRONAUT"], "businessHours": "9 to 5"}
            """);
        HttpJson.Response unknownParent = kit.as(ADMIN).put("/api/organisations/org-street-nowhere", """
            {"name": "无名街道党工委", "type": "STREET", "parentId": "org-district-nowhere", "jurisdiction": ["510112001"]}
            """);
        HttpJson.Response cycle = kit.as(ADMIN).put("/api/organisations/org-district-lqy", """
            {"name": "龙泉驿区委社会工作部", "type": "DISTRICT", "parentId": "org-street-damian", "jurisdiction": ["510112"]}
            """);
        HttpJson.Response badType = kit.as(ADMIN).put("/api/organisations/org-street-nowhere",
            "{\"name\": \"x\", \"type\": \"PALACE\"}");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(TriageTestKit.fields(bad.json())).containsExactlyInAnyOrder("jurisdiction[0]", "competences",
            "workerGroups", "businessHours");
        assertThat(unknownParent.status()).isEqualTo(400);
        assertThat(unknownParent.json().at("/errors/0/messageEn").asString()).contains("unknown parent");
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.json().at("/errors/0/messageEn").asString()).contains("cycle");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(TriageTestKit.fields(badType.json())).containsExactly("type");
        assertThat(kit.as(ADMIN).get("/api/organisations/org-street-nowhere").status()).isEqualTo(404);
        assertThat(kit.as(ADMIN).get("/api/organisations/org-district-lqy").json().get("parentId").asString())
            .isEqualTo("org-city-swb");
    }

    @Test
    void onlyAdministratorsEditTheRegistry() {
        HttpJson.Response officer = kit.as(CITY_TRIAGE_OFFICER).put("/api/organisations/org-street-damian",
            "{\"name\": \"x\", \"type\": \"STREET\"}");

        assertThat(officer.status()).isEqualTo(403);
    }

    @Test
    void aWholeRegistryWithoutTheOrganisationsTheRulesNeedIsRefused() {
        HttpJson.Response tooSmall = kit.as(ADMIN).put("/api/organisations", """
            {"organisations": [{"id": "org-city-swb", "name": "成都市委社会工作部", "type": "CITY_WORK_DEPARTMENT",
              "jurisdiction": ["510100"], "competences": ["OTHER"]}]}
            """);

        assertThat(tooSmall.status()).isEqualTo(400);
        assertThat(tooSmall.json().at("/errors/0/code").asString()).isEqualTo("registry.routing");
        assertThat(kit.as(ADMIN).get("/api/organisations").json().get("count").asInt()).isGreaterThan(90);
    }

    @Test
    void theExportedRegistryLoadsBackAsAWhole() {
        JsonNode exported = kit.as(ADMIN).get("/api/organisations").json();

        HttpJson.Response loaded = kit.as(ADMIN).put("/api/organisations", exported.toString());

        assertThat(loaded.status()).isEqualTo(200);
        assertThat(loaded.json().get("count").asInt()).isEqualTo(exported.get("count").asInt());
        assertThat(kit.as(ADMIN).get("/api/organisations/org-street-damian").json().get("parentId").asString())
            .isEqualTo("org-district-lqy");
    }

    @Test
    void officersCanTryTheRulesWithoutFilingAnything() {
        JsonNode preview = kit.as(CITY_TRIAGE_OFFICER).post("/api/triage/preview", """
            {"description": "骑手在商场门口被保安驱赶，电动车没有地方停", "workerGroup": "FOOD_DELIVERY_RIDER",
             "platformOrEmployer": "美团", "divisionCode": "510112002001", "submittedAt": "2026-02-12T16:00:00+08:00"}
            """).json();
        HttpJson.Response unknown = kit.as(CITY_TRIAGE_OFFICER).post("/api/triage/preview", """
            {"category": "NOT_A_CATEGORY", "description": "x", "workerGroup": "ASTRONAUT", "divisionCode": "999"}
            """);

        assertThat(preview.at("/classification/category").asString()).isEqualTo("PARKING_ACCESS");
        assertThat(preview.at("/routing/lead/id").asString()).isEqualTo("org-street-damian");
        assertThat(preview.get("resolutionDueBeijing").asString()).startsWith("2026-02-28 17:30");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(TriageTestKit.fields(unknown.json())).containsExactlyInAnyOrder("category", "workerGroup", "divisionCode");
        assertThat(kit.as(CITY_TRIAGE_OFFICER).get("/api/triage/rules").json().at("/deadlines/rows").size()).isPositive();
    }
}
