package cn.huiyin.triage;

import static cn.huiyin.triage.TriageTestKit.CITY_TRIAGE_OFFICER;
import static cn.huiyin.triage.TriageTestKit.COMMITTEE_HANDLER;
import static cn.huiyin.triage.TriageTestKit.beijing;
import static cn.huiyin.triage.TriageTestKit.grievance;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A triage officer re-classifies and re-routes with a reason; the history shows who, when and why. */
@ServiceTest
class OfficerOverridesTest extends TriageScenario {

    @Test
    void aVagueGrievanceIsReclassifiedAsWagesBeforeTheFestivalAndItsDeadlinesFollow() {
        JsonNode vague = kit.submitAndAwait(grievance().category(null).description("想咨询一下相关政策。")
            .submittedAt(beijing(2026, 2, 5, 10, 0)));
        String id = vague.get("grievanceId").asString();
        assertThat(vague.get("category").asString()).isEqualTo("OTHER");

        JsonNode corrected = kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + id + "/reclassify",
            "{\"category\": \"WAGES\", \"reason\": \"电话回访确认为欠薪问题\"}").json();

        assertThat(corrected.get("category").asString()).isEqualTo("WAGES");
        assertThat(corrected.at("/classification/source").asString()).isEqualTo("MANUAL");
        assertThat(corrected.at("/classification/revision").asInt()).isEqualTo(2);
        assertThat(corrected.get("urgency").asString()).as("wage arrears before the Spring Festival").isEqualTo("HIGH");
        assertThat(corrected.at("/deadlines/policy").asString()).isEqualTo("D2-HIGH");
        JsonNode entry = last(corrected, "RECLASSIFIED");
        assertThat(entry.get("actor").asString()).isEqualTo("triage-officer@org-city-swb");
        assertThat(entry.get("reason").asString()).isEqualTo("电话回访确认为欠薪问题");
        assertThat(entry.get("at").asString()).isNotBlank();
        JsonNode revised = TriageTestKit.event(id, "GrievanceTriaged", triaged -> triaged.get("revision").asInt() == 2);
        assertThat(revised.get("categorySource").asString()).isEqualTo("MANUAL");
        assertThat(revised.get("reason").asString()).isEqualTo("电话回访确认为欠薪问题");
    }

    @Test
    void anOfficerConfirmingTheRulesGuessMakesItTheirsAndClearsTheDoubt() {
        JsonNode guessed = kit.submitAndAwait(grievance().category(null).description("想咨询一下相关政策。"));
        String id = guessed.get("grievanceId").asString();
        assertThat(guessed.at("/classification/needsConfirmation").asBoolean()).isTrue();

        JsonNode confirmed = kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + id + "/reclassify",
            "{\"category\": \"" + guessed.get("category").asString() + "\", \"reason\": \"电话核实，确属政策咨询\"}").json();

        assertThat(confirmed.at("/classification/source").asString()).isEqualTo("MANUAL");
        assertThat(confirmed.at("/classification/needsConfirmation").asBoolean()).isFalse();
        assertThat(confirmed.at("/classification/confidence").asDouble()).isEqualTo(1.0);
    }

    @Test
    void anOfficerRaisesUrgencyAndAsksForAJointReview() {
        String id = kit.submitAndAwait(grievance()).get("grievanceId").asString();

        JsonNode raised = kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + id + "/reclassify",
            "{\"category\": \"INJURY_INSURANCE\", \"urgency\": \"URGENT\", \"needsJointReview\": true, \"reason\": \"骑手仍在住院，家属情绪激动\"}").json();

        assertThat(raised.get("urgency").asString()).isEqualTo("URGENT");
        assertThat(raised.get("needsJointReview").asBoolean()).isTrue();
        assertThat(raised.at("/classification/urgencyReasons/0/id").asString()).isEqualTo("manual");
        assertThat(raised.at("/classification/source").asString()).as("the category itself was not changed").isEqualTo("FILER");
        JsonNode request = TriageTestKit.event(id, "JointReviewRequested",
            r -> r.get("reasons").valueStream().anyMatch(reason -> reason.get("id").asString().equals("manual")));
        assertThat(request.get("urgency").asString()).isEqualTo("URGENT");
    }

    @Test
    void anOfficerReroutesToANamedOrganisationOrByTheRulesAgain() {
        String id = kit.submitAndAwait(grievance()).get("grievanceId").asString();

        JsonNode toStreet = kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + id + "/reroute",
            "{\"organisationId\": \"org-street-damian\", \"reason\": \"社区已介入调解，由街道牵头\"}").json();
        assertThat(toStreet.at("/assignment/organisation/id").asString()).isEqualTo("org-street-damian");
        assertThat(toStreet.at("/assignment/basis").asString()).isEqualTo("MANUAL_OVERRIDE");
        assertThat(toStreet.at("/assignment/rule/id").asString()).isEqualTo("manual");
        assertThat(toStreet.at("/assignments/0/status").asString()).isEqualTo("SUPERSEDED");
        assertThat(last(toStreet, "REROUTED").get("reason").asString()).isEqualTo("社区已介入调解，由街道牵头");
        assertThat(kit.as(COMMITTEE_HANDLER).post("/api/grievances/" + id + "/accept", "").status()).isEqualTo(409);

        JsonNode backByRules = kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + id + "/reroute",
            "{\"reason\": \"按规则重新派单\"}").json();
        assertThat(backByRules.at("/assignment/organisation/id").asString()).isEqualTo("org-committee-online-delivery");
        assertThat(backByRules.at("/assignment/attempt").asInt()).isEqualTo(3);
        HttpJson.Response same = kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + id + "/reroute",
            "{\"reason\": \"再派一次\"}");
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.json().get("code").asString()).isEqualTo("reroute.same-organisation");
        TriageTestKit.event(id, "GrievanceAssigned", assigned -> assigned.get("attempt").asInt() == 3);
        List<ConsumerRecord<String, byte[]>> events = TriageTestKit.events(id, 4);
        assertThat(events.stream().filter(e -> TriageTestKit.type(e).equals("GrievanceAssigned"))
            .map(e -> TriageTestKit.data(e).get("basis").asString())).containsExactly("RULES", "MANUAL_OVERRIDE", "MANUAL_OVERRIDE");
    }

    @Test
    void unknownCategoriesAndOrganisationsAreBadRequestsThatNameThem() {
        String id = kit.submitAndAwait(grievance()).get("grievanceId").asString();

        HttpJson.Response unknownCategory = kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + id + "/reclassify",
            "{\"category\": \"NOT_A_CATEGORY\", \"reason\": \"试试\"}");
        HttpJson.Response unknownOrganisation = kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + id + "/reroute",
            "{\"organisationId\": \"org-nowhere\", \"reason\": \"试试\"}");
        HttpJson.Response intakePoint = kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + id + "/reroute",
            "{\"organisationId\": \"org-hotline-12345\", \"reason\": \"试试\"}");
        HttpJson.Response noReason = kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + id + "/reroute", "{}");
        HttpJson.Response unknownUrgency = kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + id + "/reclassify",
            "{\"category\": \"WAGES\", \"urgency\": \"SUPER\", \"reason\": \"试试\"}");

        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownCategory.json().get("code").asString()).isEqualTo("category.unknown");
        assertThat(unknownCategory.json().get("detail").asString()).contains("NOT_A_CATEGORY");
        assertThat(unknownOrganisation.status()).isEqualTo(400);
        assertThat(unknownOrganisation.json().get("code").asString()).isEqualTo("organisation.unknown");
        assertThat(unknownOrganisation.json().get("detailEn").asString()).contains("org-nowhere");
        assertThat(intakePoint.status()).isEqualTo(400);
        assertThat(intakePoint.json().get("code").asString()).isEqualTo("organisation.cannot-handle");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(TriageTestKit.fields(noReason.json())).containsExactly("reason");
        assertThat(unknownUrgency.status()).isEqualTo(400);
        assertThat(TriageTestKit.fields(unknownUrgency.json())).containsExactly("urgency");
        assertThat(kit.as(CITY_TRIAGE_OFFICER).get("/api/grievances/" + id).json().at("/assignment/attempt").asInt())
            .isEqualTo(1);
    }

    private static JsonNode last(JsonNode view, String action) {
        return view.get("history").valueStream().filter(h -> h.get("action").asString().equals(action))
            .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no " + action + " in " + view.get("history")));
    }
}
