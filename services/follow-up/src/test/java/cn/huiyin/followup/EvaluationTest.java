package cn.huiyin.followup;

import static cn.huiyin.followup.FollowUpKit.CALENDAR;
import static cn.huiyin.followup.FollowUpKit.CALLBACK_AGENT;
import static cn.huiyin.followup.FollowUpKit.COMMITTEE_AGENT;
import static cn.huiyin.followup.FollowUpKit.COMMITTEE_HANDLER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.FollowUpKit.Filed;
import cn.huiyin.followup.FollowUpKit.Lead;
import cn.huiyin.followup.FollowUpTopic.Event;
import cn.huiyin.platform.calendar.BusinessHours;
import cn.huiyin.platform.test.HttpJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The evaluation (成效评估): the callback centre — never the organisation that handled the case — calls the worker
 * back; dissatisfaction the unit is responsible for reopens the case against it (重办), the second time under the
 * organisation above, and a third never comes: the case is closed and escalated. Unreachable after three attempts,
 * the worker's own rating, and the retaliation check 30 days after closure.
 */
class EvaluationTest extends FollowUpScenario {

    static final String DISSATISFIED = """
        {"outcome": "REACHED", "solved": "NO", "satisfaction": "DISSATISFIED", "unitResponsible": true,
         "comment": "保险公司还是没赔"}""";

    @Test
    void theHandlerRecordingItsOwnCallbackIsRefusedEvenWithAnAgentsRole() {
        Filed claim = resolved();

        HttpJson.Response byHandler = kit.as(COMMITTEE_HANDLER).post("/api/callbacks/" + claim.id() + "/attempts",
            "{\"outcome\": \"REACHED\", \"solved\": \"YES\", \"satisfaction\": \"SATISFIED\"}");
        HttpJson.Response byAgentOfTheCommittee = kit.as(COMMITTEE_AGENT).post("/api/callbacks/" + claim.id()
            + "/attempts", "{\"outcome\": \"REACHED\", \"solved\": \"YES\", \"satisfaction\": \"SATISFIED\"}");

        for (HttpJson.Response refused : List.of(byHandler, byAgentOfTheCommittee)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asString()).isEqualTo("callback.by-handler");
            assertThat(refused.json().get("detail").asString()).contains("承办单位不能回访自己办理的诉求");
            assertThat(refused.json().get("detailEn").asString()).contains("callback centre");
        }
        JsonNode file = kit.as(CALLBACK_AGENT).get("/api/cases/" + claim.id()).json();
        assertThat(file.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(file.get("callbacks")).isEmpty();
        assertThat(topic.settle(claim.id(), Duration.ofSeconds(1))).noneMatch(e -> e.type().equals("CallbackRecorded"));
    }

    @Test
    void aDissatisfiedCallbackReopensTheCaseAgainstTheUnitTheSecondUnderTheOrganisationAboveAndNeverAThird() {
        Filed claim = resolved();
        clock.set(FollowUpKit.beijing(2026, 12, 3, 10, 0));

        HttpJson.Response first = kit.as(CALLBACK_AGENT).post("/api/callbacks/" + claim.id() + "/attempts", DISSATISFIED);

        assertThat(first.status()).isEqualTo(200);
        JsonNode reopened = topic.await(claim.id(), "GrievanceReopened");
        assertThat(reopened.get("round").asInt()).isEqualTo(2);
        assertThat(reopened.get("reason").asString()).isEqualTo("NOT_SOLVED");
        assertThat(reopened.at("/countsAgainst/id").asString()).isEqualTo("org-committee-online-delivery");
        assertThat(reopened.has("supervisedBy")).isFalse();
        Duration allowed = CALENDAR.workingTimeBetween(claim.submittedAt(), claim.resolutionDueAt(),
            BusinessHours.STANDARD).duration();
        Instant newLimit = CALENDAR.plusWorkingHours(Instant.parse(reopened.get("reopenedAt").asString()), allowed,
            BusinessHours.STANDARD).instant();
        assertThat(Instant.parse(reopened.get("resolutionDueAt").asString()))
            .as("a new resolution limit, as long as the first, from the reopen")
            .isBetween(newLimit.minusSeconds(2), newLimit.plusSeconds(2)).isAfter(claim.resolutionDueAt());
        assertThat(first.json().get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(first.json().at("/reopens/count").asInt()).isEqualTo(1);
        assertThat(first.json().at("/reopens/countsAgainst/id").asString()).isEqualTo("org-committee-online-delivery");
        assertThat(first.json().get("clocks").valueStream().map(c -> c.get("id").asString())).contains("RESOLUTION-2");

        resolveAgain(claim);
        kit.as(CALLBACK_AGENT).post("/api/callbacks/" + claim.id() + "/attempts", DISSATISFIED);
        JsonNode second = topic.await(claim.id(), "GrievanceReopened", r -> r.get("round").asInt() == 3);
        assertThat(second.at("/supervisedBy/id").asString()).isEqualTo("org-city-swb");
        JsonNode supervised = topic.await(claim.id(), "SupervisionEscalated",
            e -> e.get("trigger").asString().equals("SECOND_REOPEN"));
        assertThat(supervised.at("/escalatedTo/id").asString()).isEqualTo("org-city-swb");

        resolveAgain(claim);
        HttpJson.Response third = kit.as(CALLBACK_AGENT).post("/api/callbacks/" + claim.id() + "/attempts", DISSATISFIED);

        assertThat(third.json().get("status").asString()).as("not looped forever").isEqualTo("CLOSED");
        JsonNode closed = topic.await(claim.id(), "GrievanceClosed");
        assertThat(closed.get("outcome").asString()).isEqualTo("UNRESOLVED_WITH_EXPLANATION");
        assertThat(closed.get("reopenCount").asInt()).isEqualTo(2);
        JsonNode escalated = topic.await(claim.id(), "SupervisionEscalated",
            e -> e.get("trigger").asString().equals("DISSATISFIED_AFTER_REOPENS"));
        assertThat(escalated.get("card").asString()).isEqualTo("RED");
        assertThat(topic.of(claim.id()).stream().filter(e -> e.type().equals("GrievanceReopened"))).hasSize(2);
    }

    @Test
    void dissatisfactionTheUnitIsNotResponsibleForClosesTheCaseResolvedButDissatisfied() {
        Filed claim = resolved();

        JsonNode file = kit.as(CALLBACK_AGENT).post("/api/callbacks/" + claim.id() + "/attempts", """
            {"outcome": "REACHED", "solved": "YES", "satisfaction": "DISSATISFIED", "unitResponsible": false,
             "comment": "赔是赔了，但觉得太慢"}""").json();

        assertThat(file.at("/closure/outcome").asString()).isEqualTo("RESOLVED_BUT_DISSATISFIED");
        assertThat(file.at("/reopens/count").asInt()).isZero();
    }

    @Test
    void threeUnansweredCallsCloseTheCaseAsUnreachable() {
        Filed claim = resolved();
        HttpJson agent = kit.as(CALLBACK_AGENT);

        agent.post("/api/callbacks/" + claim.id() + "/attempts", "{\"outcome\": \"NO_ANSWER\"}");
        agent.post("/api/callbacks/" + claim.id() + "/attempts", "{\"outcome\": \"REFUSED\"}");
        JsonNode third = agent.post("/api/callbacks/" + claim.id() + "/attempts", "{\"outcome\": \"NO_ANSWER\"}").json();

        assertThat(third.at("/closure/outcome").asString()).isEqualTo("UNREACHABLE");
        List<Event> events = topic.await(claim.id(), list -> list.stream().anyMatch(e -> e.type().equals("GrievanceClosed")),
            Duration.ofSeconds(30));
        assertThat(events.stream().filter(e -> e.type().equals("CallbackRecorded"))
            .map(e -> e.data().get("attemptsLeft").asInt())).containsExactly(2, 1, 0);
        assertThat(agent.post("/api/callbacks/" + claim.id() + "/attempts", "{\"outcome\": \"NO_ANSWER\"}").json()
            .get("code").asString()).isEqualTo("callback.case-closed");
    }

    @Test
    void theWorkerRatesThroughTheSelfServiceWithTheTrackingNumberAndTheQueryCode() {
        Filed claim = resolved();
        StubIntake.get().knows(claim.id(), "4821093756");

        HttpJson.Response wrong = kit.anonymous().post("/api/public/callbacks/rating", """
            {"trackingNumber": "%s", "queryCode": "1111093756", "solved": "YES", "satisfaction": "SATISFIED"}"""
            .formatted(claim.id()));
        HttpJson.Response rated = kit.anonymous().post("/api/public/callbacks/rating", """
            {"trackingNumber": "%s", "queryCode": "4821093756", "solved": "PARTLY", "satisfaction": "BASICALLY_SATISFIED",
             "comment": "赔了一部分，基本满意"}""".formatted(claim.id()));

        assertThat(wrong.status()).as(wrong.json().toString()).isEqualTo(404);
        assertThat(wrong.json().get("code").asString()).isEqualTo("self-service.no-match");
        assertThat(rated.status()).isEqualTo(200);
        assertThat(rated.json().get("outcome").asString()).isEqualTo("RESOLVED_AND_SATISFIED");
        JsonNode callback = topic.await(claim.id(), "CallbackRecorded");
        assertThat(callback.get("channel").asString()).isEqualTo("SELF_SERVICE");
        assertThat(callback.get("satisfaction").asString()).isEqualTo("BASICALLY_SATISFIED");
        assertThat(callback.toString()).doesNotContain("4821093756");
    }

    @Test
    void thirtyDaysAfterClosureTheWorkerReportsRetaliationAndIntakeGetsWhatItNeedsForANewUrgentGrievance() {
        Filed claim = resolved();
        kit.as(CALLBACK_AGENT).post("/api/callbacks/" + claim.id() + "/attempts",
            "{\"outcome\": \"REACHED\", \"solved\": \"YES\", \"satisfaction\": \"SATISFIED\"}");
        JsonNode closed = topic.await(claim.id(), "GrievanceClosed");
        Instant closedAt = Instant.parse(closed.get("closedAt").asString());
        assertThat(Instant.parse(closed.get("retaliationCheckDueAt").asString())).isEqualTo(closedAt.plus(Duration.ofDays(30)));

        HttpJson.Response early = kit.as(CALLBACK_AGENT).post("/api/callbacks/" + claim.id() + "/retaliation-check",
            "{\"outcome\": \"REACHED\", \"retaliation\": false}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("retaliation.not-due");

        clock.set(closedAt.plus(Duration.ofDays(30)).plus(Duration.ofHours(1)));
        JsonNode due = kit.as(CALLBACK_AGENT).get("/api/callbacks/retaliation-checks/due?size=100").json();
        assertThat(due.get("items").valueStream().map(i -> i.get("grievanceId").asString())).contains(claim.id());
        HttpJson.Response checked = kit.as(CALLBACK_AGENT).post("/api/callbacks/" + claim.id() + "/retaliation-check", """
            {"outcome": "REACHED", "retaliation": true, "kinds": ["FEWER_ORDERS", "NEW_PENALTIES"],
             "account": "投诉后站点派单明显减少，还被以超时为由罚款两次"}""");

        assertThat(checked.status()).isEqualTo(200);
        JsonNode reported = topic.await(claim.id(), "RetaliationChecked");
        assertThat(reported.get("reported").asBoolean()).isTrue();
        assertThat(reported.get("grievanceId").asString()).isEqualTo(claim.id());
        assertThat(reported.get("workerRef").asString()).isEqualTo(claim.workerRef());
        assertThat(reported.get("workerGroup").asString()).isEqualTo("FOOD_DELIVERY_RIDER");
        assertThat(reported.get("divisionCode").asString()).isEqualTo("510112002");
        assertThat(reported.get("platformOrEmployer").asString()).isEqualTo("美团");
        assertThat(reported.get("kinds").valueStream().map(JsonNode::asString)).containsExactly("FEWER_ORDERS", "NEW_PENALTIES");
        assertThat(reported.get("account").asString()).contains("派单明显减少");
        assertThat(reported.get("suggestedUrgency").asString()).isEqualTo("URGENT");
        JsonNode after = kit.as(CALLBACK_AGENT).get("/api/callbacks/retaliation-checks/due?size=100").json();
        assertThat(after.get("items").valueStream().map(i -> i.get("grievanceId").asString())).doesNotContain(claim.id());
    }

    @Test
    void theCallbackCentreSeesTheCallbacksDueTodayInItsJurisdiction() {
        Filed claim = resolved();
        JsonNode onTheDay = kit.as(CALLBACK_AGENT).get("/api/callbacks/due?size=100").json();
        JsonNode waiting = kit.as(CALLBACK_AGENT).get("/api/callbacks/due?all=true&size=100").json();
        JsonNode file = kit.as(CALLBACK_AGENT).get("/api/cases/" + claim.id()).json();
        Instant callbackDue = Instant.parse(file.at("/resolutions/0/callbackDueAt").asString());
        assertThat(callbackDue).as("two working days after Wednesday's resolution")
            .isEqualTo(FollowUpKit.beijing(2026, 12, 4, 17, 30));

        clock.set(FollowUpKit.beijing(2026, 12, 4, 9, 0));
        JsonNode due = kit.as(CALLBACK_AGENT).get("/api/callbacks/due?size=100").json();
        JsonNode elsewhere = kit.as(cn.huiyin.platform.test.TestUser.of("callback-agent", "org-hotline-12345", "510104"))
            .get("/api/callbacks/due?size=100").json();

        assertThat(ids(onTheDay)).doesNotContain(claim.id());
        assertThat(ids(waiting)).as("all=true: every resolved case waiting for its callback").contains(claim.id());
        assertThat(ids(due)).contains(claim.id());
        JsonNode row = due.get("items").valueStream().filter(i -> i.get("grievanceId").asString().equals(claim.id()))
            .findFirst().orElseThrow();
        assertThat(row.at("/resolution/kind").asString()).isEqualTo("RESOLVED");
        assertThat(row.get("callbackAttempts").asInt()).isZero();
        assertThat(ids(elsewhere)).as("outside the agent's jurisdiction").doesNotContain(claim.id());
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(i -> i.get("grievanceId").asString()).toList();
    }

    /** A claim the committee handled and resolved on an ordinary Wednesday; its callback is due. */
    private Filed resolved() {
        Filed claim = kit.file(Lead.COMMITTEE);
        kit.signFor(claim, Lead.COMMITTEE, claim.submittedAt().plus(Duration.ofMinutes(5)));
        kit.awaitStatus(claim.id(), COMMITTEE_HANDLER, "SIGNED_FOR");
        HttpJson committee = kit.as(COMMITTEE_HANDLER);
        assertThat(committee.post("/api/cases/" + claim.id() + "/first-contact", "{\"channel\": \"PHONE\"}").status())
            .isEqualTo(200);
        assertThat(committee.post("/api/cases/" + claim.id() + "/resolution", HeyuanRiderClaimTest.REMEDY).status())
            .isEqualTo(200);
        return claim;
    }

    private void resolveAgain(Filed claim) {
        assertThat(kit.as(COMMITTEE_HANDLER).post("/api/cases/" + claim.id() + "/resolution", """
            {"kind": "CANNOT_RESOLVE", "explanation": "保险公司坚持拒赔，已告知职工可申请劳动仲裁并提供法律援助渠道"}""")
            .status()).isEqualTo(200);
    }
}
