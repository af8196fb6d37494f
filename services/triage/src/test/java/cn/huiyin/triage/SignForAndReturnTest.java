package cn.huiyin.triage;

import static cn.huiyin.triage.TriageTestKit.COMMITTEE_HANDLER;
import static cn.huiyin.triage.TriageTestKit.CITY_TRIAGE_OFFICER;
import static cn.huiyin.triage.TriageTestKit.DISTRICT_SUPERVISOR;
import static cn.huiyin.triage.TriageTestKit.ENTERPRISE_HANDLER;
import static cn.huiyin.triage.TriageTestKit.STREET_HANDLER;
import static cn.huiyin.triage.TriageTestKit.beijing;
import static cn.huiyin.triage.TriageTestKit.grievance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sign-for and return (签收 / 退单) as organisation handlers do them, and the ruling (终审) after two returns. */
@ServiceTest
class SignForAndReturnTest extends TriageScenario {

    static final String RETURN_NOT_OURS = """
        {"reason": "NOT_OUR_COMPETENCE", "explanation": "事故调解宜由属地社区牵头，行业党委配合"}""";
    static final String RETURN_NOT_OUR_TERRITORY = """
        {"reason": "NOT_OUR_TERRITORY", "explanation": "保险理赔属行业事务，街道无权要求保险公司",
         "suggestedOrganisationId": "org-committee-online-delivery"}""";

    @Test
    void theCommitteeSignsForTheRidersClaimAndEveryoneSeesIt() {
        String id = kit.submitAndAwait(grievance()).get("grievanceId").asString();

        HttpJson.Response accepted = kit.as(COMMITTEE_HANDLER).post("/api/grievances/" + id + "/accept", "");

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().at("/assignment/status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().at("/assignment/accepted/by").asString()).isEqualTo("org-handler@org-committee-online-delivery");
        assertThat(accepted.json().get("history").valueStream().map(h -> h.get("action").asString())).contains("ACCEPTED");
        JsonNode event = TriageTestKit.event(id, "AssignmentAccepted");
        assertThat(event.at("/organisation/id").asString()).isEqualTo("org-committee-online-delivery");
        assertThat(event.get("late").asBoolean()).isFalse();
    }

    @Test
    void acceptingACaseAssignedElsewhereIsAConflictThatSaysWhereItIs() {
        String id = kit.submitAndAwait(grievance()).get("grievanceId").asString();

        HttpJson.Response answer = kit.as(STREET_HANDLER).post("/api/grievances/" + id + "/accept", "");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asString()).isEqualTo("assignment.elsewhere");
        assertThat(answer.json().get("detail").asString()).contains("市网约配送行业党委", "不能签收");
        assertThat(answer.json().get("detailEn").asString()).contains("org-committee-online-delivery");
    }

    @Test
    void aCaseSignedForCannotBeReturnedNorSignedForTwice() {
        String id = kit.submitAndAwait(grievance()).get("grievanceId").asString();
        kit.as(COMMITTEE_HANDLER).post("/api/grievances/" + id + "/accept", "");

        HttpJson.Response again = kit.as(COMMITTEE_HANDLER).post("/api/grievances/" + id + "/accept", "");
        HttpJson.Response returned = kit.as(COMMITTEE_HANDLER).post("/api/grievances/" + id + "/return", RETURN_NOT_OURS);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("assignment.already-accepted");
        assertThat(returned.status()).isEqualTo(409);
        assertThat(returned.json().get("code").asString()).isEqualTo("assignment.accepted");
        assertThat(returned.json().get("detail").asString()).contains("已签收的诉求不能退单");
    }

    @Test
    void whenTheCityItselfReturnedTheCaseTheCityRules() {
        String id = kit.submitAndAwait(grievance()).get("grievanceId").asString();
        kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + id + "/reroute",
            "{\"organisationId\": \"org-city-swb\", \"reason\": \"先由市社工部协调\"}");
        TestUser cityHandler = TestUser.of("org-handler", "org-city-swb", "510100");

        JsonNode byCity = kit.as(cityHandler).post("/api/grievances/" + id + "/return", RETURN_NOT_OURS).json();
        HttpJson.Response second = kit.as(TestUser.of("org-handler", byCity.at("/assignment/organisation/id").asString(),
            "510100")).post("/api/grievances/" + id + "/return", RETURN_NOT_OUR_TERRITORY);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("state").asString()).isEqualTo("AWAITING_RULING");
        assertThat(second.json().at("/ruling/organisation/id").asString()).isEqualTo("org-city-swb");
    }

    @Test
    void aCaseReturnedTwiceReachesTheCityForARulingWithTheClockUnchangedAndTheRulingBinds() {
        JsonNode filed = kit.submitAndAwait(grievance().submittedAt(beijing(2026, 2, 12, 10, 0)));
        String id = filed.get("grievanceId").asString();
        JsonNode deadlines = filed.get("deadlines");

        JsonNode first = kit.as(COMMITTEE_HANDLER).post("/api/grievances/" + id + "/return", RETURN_NOT_OURS).json();
        assertThat(first.get("state").asString()).isEqualTo("ASSIGNED");
        assertThat(first.at("/assignment/organisation/id").asString()).as("next in line, the street of the place")
            .isEqualTo("org-street-damian");
        assertThat(first.at("/assignment/basis").asString()).isEqualTo("RE_ROUTED");
        assertThat(first.at("/assignment/attempt").asInt()).isEqualTo(2);

        HttpJson.Response second = kit.as(STREET_HANDLER).post("/api/grievances/" + id + "/return", RETURN_NOT_OUR_TERRITORY);
        assertThat(second.status()).isEqualTo(200);
        JsonNode awaiting = second.json();
        assertThat(awaiting.get("state").asString()).isEqualTo("AWAITING_RULING");
        assertThat(awaiting.at("/ruling/organisation/id").asString()).isEqualTo("org-city-swb");
        assertThat(awaiting.at("/ruling/pending").asBoolean()).isTrue();
        assertThat(awaiting.get("returnCount").asInt()).isEqualTo(2);
        assertThat(awaiting.get("deadlines").get("responseDueAt")).isEqualTo(deadlines.get("responseDueAt"));
        assertThat(awaiting.get("deadlines").get("resolutionDueAt")).isEqualTo(deadlines.get("resolutionDueAt"));

        JsonNode cityInbox = kit.as(CITY_TRIAGE_OFFICER).get("/api/organisations/org-city-swb/inbox?view=RULING&size=100").json();
        assertThat(cityInbox.get("items").valueStream().map(i -> i.get("grievanceId").asString())).contains(id);
        JsonNode streetReturned = kit.as(STREET_HANDLER).get("/api/inbox?view=RETURNED&size=100").json();
        assertThat(streetReturned.get("items").valueStream().map(i -> i.get("grievanceId").asString())).contains(id);

        HttpJson.Response notTheirs = kit.as(DISTRICT_SUPERVISOR).post("/api/grievances/" + id + "/ruling",
            "{\"organisationId\": \"org-street-damian\", \"reason\": \"属地牵头\"}");
        assertThat(notTheirs.status()).isEqualTo(409);
        assertThat(notTheirs.json().get("code").asString()).isEqualTo("ruling.elsewhere");

        JsonNode ruled = kit.as(CITY_TRIAGE_OFFICER).post("/api/grievances/" + id + "/ruling",
            "{\"organisationId\": \"org-committee-online-delivery\", \"reason\": \"骑手保险理赔由行业党委牵头，大面街道配合调取轨迹\"}").json();
        assertThat(ruled.get("state").asString()).isEqualTo("ASSIGNED");
        assertThat(ruled.at("/assignment/organisation/id").asString()).isEqualTo("org-committee-online-delivery");
        assertThat(ruled.at("/assignment/binding").asBoolean()).isTrue();
        assertThat(ruled.at("/assignment/basis").asString()).isEqualTo("RULING");
        assertThat(ruled.get("deadlines").get("responseDueAt")).isEqualTo(deadlines.get("responseDueAt"));

        HttpJson.Response returnAfterRuling = kit.as(COMMITTEE_HANDLER).post("/api/grievances/" + id + "/return", RETURN_NOT_OURS);
        assertThat(returnAfterRuling.status()).isEqualTo(409);
        assertThat(returnAfterRuling.json().get("code").asString()).isEqualTo("assignment.binding");

        TriageTestKit.event(id, "GrievanceAssigned", assigned -> assigned.get("attempt").asInt() == 3);
        List<ConsumerRecord<String, byte[]>> events = TriageTestKit.events(id, 6);
        assertThat(events).extracting(TriageTestKit::type).containsSubsequence("GrievanceTriaged", "GrievanceAssigned",
            "AssignmentReturned", "GrievanceAssigned", "AssignmentReturned", "GrievanceAssigned");
        List<JsonNode> returns = events.stream().filter(e -> TriageTestKit.type(e).equals("AssignmentReturned"))
            .map(TriageTestKit::data).toList();
        assertThat(returns.get(0).get("outcome").asString()).isEqualTo("RE_ROUTED");
        assertThat(returns.get(0).at("/nextOrganisation/id").asString()).isEqualTo("org-street-damian");
        assertThat(returns.get(1).get("outcome").asString()).isEqualTo("REFERRED_FOR_RULING");
        assertThat(returns.get(1).at("/rulingOrganisation/id").asString()).isEqualTo("org-city-swb");
        JsonNode lastAssigned = TriageTestKit.event(id, "GrievanceAssigned", assigned -> assigned.get("attempt").asInt() == 3);
        assertThat(lastAssigned.get("binding").asBoolean()).isTrue();
        assertThat(lastAssigned.get("responseDueAt").asString()).isEqualTo("2026-02-12T07:30:00Z");
        assertThat(lastAssigned.get("attempt").asInt()).isEqualTo(3);
    }

    @Test
    void aReturnNeedsAReasonAndAnUnknownSuggestionIsBadInput() {
        String id = kit.submitAndAwait(grievance()).get("grievanceId").asString();

        HttpJson.Response noReason = kit.as(COMMITTEE_HANDLER).post("/api/grievances/" + id + "/return", "{}");
        HttpJson.Response badReason = kit.as(COMMITTEE_HANDLER).post("/api/grievances/" + id + "/return",
            "{\"reason\": \"TOO_BUSY\", \"explanation\": \"忙\"}");
        HttpJson.Response unknownSuggestion = kit.as(COMMITTEE_HANDLER).post("/api/grievances/" + id + "/return",
            "{\"reason\": \"OTHER\", \"explanation\": \"应由其他单位办理\", \"suggestedOrganisationId\": \"org-nowhere\"}");

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(TriageTestKit.fields(noReason.json())).containsExactlyInAnyOrder("reason", "explanation");
        assertThat(badReason.status()).isEqualTo(400);
        assertThat(TriageTestKit.fields(badReason.json())).containsExactly("reason");
        assertThat(unknownSuggestion.status()).isEqualTo(400);
        assertThat(unknownSuggestion.json().get("code").asString()).isEqualTo("organisation.unknown");
        assertThat(kit.as(CITY_TRIAGE_OFFICER).get("/api/grievances/" + id).json().get("state").asString()).isEqualTo("ASSIGNED");
    }

    @Test
    void aWithdrawnCaseStopsLeavesTheInboxAndCannotBeReturned() {
        String id = kit.submitAndAwait(grievance()).get("grievanceId").asString();

        kit.publish("cn.huiyin.intake.GrievanceWithdrawn.v1", id, """
            {"grievanceId": "%s", "withdrawnAt": "2026-11-22T02:00:00Z", "by": "WORKER", "reason": "已与平台协商解决"}
            """.formatted(id));

        JsonNode withdrawn = await().atMost(Duration.ofSeconds(30)).until(
            () -> kit.as(CITY_TRIAGE_OFFICER).get("/api/grievances/" + id).json(),
            c -> c.get("state").asString().equals("WITHDRAWN"));
        assertThat(withdrawn.at("/assignments/0/status").asString()).isEqualTo("CANCELLED");
        assertThat(withdrawn.get("assignment").isNull()).isTrue();
        HttpJson.Response returned = kit.as(COMMITTEE_HANDLER).post("/api/grievances/" + id + "/return", RETURN_NOT_OURS);
        assertThat(returned.status()).isEqualTo(409);
        assertThat(returned.json().get("code").asString()).isEqualTo("case.closed");
        assertThat(returned.json().get("detail").asString()).contains("已撤回");
        assertThat(kit.as(COMMITTEE_HANDLER).get("/api/inbox?size=100").json().get("items").valueStream()
            .map(i -> i.get("grievanceId").asString())).doesNotContain(id);
    }

    @Test
    void whatTheWorkerAddsLaterIsInTheHistory() {
        String id = kit.submitAndAwait(grievance()).get("grievanceId").asString();

        kit.publish("cn.huiyin.intake.GrievanceSupplemented.v1", id, """
            {"grievanceId": "%s", "supplementedAt": "2026-11-22T12:05:00Z", "by": "WORKER",
             "text": "补充：平台导出的行驶轨迹显示事发时我正前往下一单取餐点。", "evidenceCount": 3}
            """.formatted(id));

        JsonNode supplemented = await().atMost(Duration.ofSeconds(30)).until(
            () -> kit.as(COMMITTEE_HANDLER).get("/api/grievances/" + id).json(),
            c -> c.get("history").valueStream().anyMatch(h -> h.get("action").asString().equals("SUPPLEMENTED")));
        JsonNode entry = supplemented.get("history").valueStream()
            .filter(h -> h.get("action").asString().equals("SUPPLEMENTED")).findFirst().orElseThrow();
        assertThat(entry.get("summaryZh").asString()).contains("行驶轨迹", "3 份");
        assertThat(entry.get("actor").asString()).isEqualTo("intake:WORKER");
        assertThat(supplemented.get("state").asString()).isEqualTo("ASSIGNED");
    }

    @Test
    void anEnterpriseSeesTheCaseItCoHandlesButNotTheConfidentialWorkersPseudonym() {
        String open = kit.submitAndAwait(grievance()).get("grievanceId").asString();
        String confidential = kit.submitAndAwait(grievance().confidential(true).category("PLATFORM_RULES")
            .description("超时罚款不合理")).get("grievanceId").asString();

        JsonNode seen = kit.as(ENTERPRISE_HANDLER).get("/api/grievances/" + open).json();
        HttpJson.Response hidden = kit.as(ENTERPRISE_HANDLER).get("/api/grievances/" + confidential);

        assertThat(seen.get("workerRef").asString()).startsWith("wk-");
        assertThat(hidden.status()).as("a confidential penalty complaint never reaches the firm").isEqualTo(403);
    }

    @Test
    void anUnknownGrievanceIsAProblem() {
        HttpJson.Response answer = kit.as(COMMITTEE_HANDLER).post("/api/grievances/HY-20260101-999999/accept", "");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("code").asString()).isEqualTo("case.unknown");
    }
}
