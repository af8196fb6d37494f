package cn.huiyin.jointmeeting;

import static cn.huiyin.jointmeeting.JointMeetingTestKit.CHUNXILU_CONVENER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Follow-through (成效评估): a decision carries a review date; the first meeting on or after it gets the decision on its
 * proposed agenda with the complaints of that category in that street over the 30 days before the decision and the
 * 30 days after, counted from triage's GrievanceTriaged; once a meeting has taken the check up it is not proposed again.
 */
@ServiceTest
class FollowThroughTest extends JointMeetingScenario {

    /** 春熙路街道: a street no other scenario files in, so the counts are this test's alone. */
    private static final String STREET = "510104001";

    @Test
    void theNextMeetingAfterTheReviewDateChecksWhetherTheDecisionWorked() {
        Instant decisionMeeting = JointMeetingTestKit.beijing(2026, 6, 10, 10, 0);
        clock.set(decisionMeeting.minus(Duration.ofHours(2)));
        List<String> before = new ArrayList<>();
        for (int daysAgo : new int[] {25, 20, 12, 6, 3}) {
            Instant at = decisionMeeting.minus(Duration.ofDays(daysAgo));
            String id = JointMeetingTestKit.newGrievanceId(at);
            kit.triagedAndAssigned(id, "PARKING_ACCESS", STREET + "002", "COURIER", at, "org-street-chunxilu", List.of());
            before.add(id);
        }
        // Outside the window and another category: not counted.
        kit.triaged(JointMeetingTestKit.newGrievanceId(decisionMeeting), "PARKING_ACCESS", STREET + "001", "COURIER",
            decisionMeeting.minus(Duration.ofDays(45)));
        kit.triaged(JointMeetingTestKit.newGrievanceId(decisionMeeting), "WAGES", STREET + "001", "COURIER",
            decisionMeeting.minus(Duration.ofDays(5)));
        String request = kit.jointReviewRequested(before.get(4), "PLACE", "春熙路街道 · 停车难、进门难", before.subList(2, 5),
            "PARKING_ACCESS", STREET + "002", "org-street-chunxilu");
        kit.awaitReviewRequest(CHUNXILU_CONVENER, request, r -> r.get("grievanceCount").asInt() == 3);

        HttpJson convener = kit.as(CHUNXILU_CONVENER);
        String first = holdMeeting(convener, decisionMeeting, "{\"items\": [{\"reviewRequestIds\": [\"" + request + "\"]}]}",
            """
            {"outcome": "ACTIONS", "messageToWorkers": "在太古里东侧设快递员临时停车区。", "reviewDate": "2026-07-10",
             "actionItems": [{"leadOrganisationId": "org-dept-urban", "task": "设快递员临时停车区",
               "expectedOutcome": "临时停车位50个", "dueInWorkingDays": 10}]}""");

        // One complaint in the month after the decision.
        Instant after = decisionMeeting.plus(Duration.ofDays(14));
        kit.triagedAndAssigned(JointMeetingTestKit.newGrievanceId(after), "PARKING_ACCESS", STREET + "003", "COURIER",
            after, "org-street-chunxilu", List.of());
        Instant monthly = JointMeetingTestKit.beijing(2026, 7, 14, 15, 0);
        clock.set(monthly.minus(Duration.ofDays(2)));
        String second = convener.post("/api/meetings", JointMeetingTestKit.meeting("春熙路街道7月联席例会", monthly,
            List.of("org-dept-urban"), List.of())).json().get("meetingId").asString();

        JsonNode check = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200)).until(() -> convener.get("/api/meetings/" + second + "/agenda/proposal")
                .json().valueStream().filter(i -> "EFFECTIVENESS_REVIEW".equals(i.get("kind").asString()))
                .filter(i -> first.equals(i.get("effectivenessCheck").get("meetingId").asString())).findFirst(),
                found -> found.isPresent() && found.get().get("effectivenessCheck").get("after").asLong() == 1)
            .orElseThrow().get("effectivenessCheck");

        assertThat(check.get("before").asLong()).isEqualTo(5);
        assertThat(check.get("after").asLong()).isEqualTo(1);
        assertThat(check.get("changePercent").asInt()).isEqualTo(-80);
        assertThat(check.get("windowComplete").asBoolean()).isTrue();
        assertThat(check.get("divisionCode").asString()).isEqualTo(STREET);
        assertThat(check.get("summaryZh").asString()).contains("下降 80%");

        // The proposal goes back as it came, with nothing but the check on it.
        JsonNode proposed = convener.get("/api/meetings/" + second + "/agenda/proposal").json().valueStream()
            .filter(i -> "EFFECTIVENESS_REVIEW".equals(i.get("kind").asString())).findFirst().orElseThrow();
        holdMeeting(convener, second, "{\"items\": [" + proposed + "]}", """
            {"outcome": "NO_ACTION", "messageToWorkers": "临时停车区设立后同类投诉下降八成，措施有效，继续保持。"}""");
        String third = convener.post("/api/meetings", JointMeetingTestKit.meeting("春熙路街道8月联席例会",
            monthly.plus(Duration.ofDays(30)), List.of("org-dept-urban"), List.of())).json().get("meetingId").asString();
        assertThat(convener.get("/api/meetings/" + third + "/agenda/proposal").json().valueStream()
            .filter(i -> i.path("effectivenessCheck").path("meetingId").asString("").equals(first))).isEmpty();
    }

    private String holdMeeting(HttpJson convener, Instant startsAt, String agenda, String decision) {
        HttpJson.Response scheduled = convener.post("/api/meetings", JointMeetingTestKit.meeting("春熙路街道联席会议",
            startsAt, List.of("org-dept-urban"), List.of()));
        return holdMeeting(convener, scheduled.json().get("meetingId").asString(), agenda, decision);
    }

    private String holdMeeting(HttpJson convener, String meetingId, String agenda, String decision) {
        HttpJson.Response current = convener.get("/api/meetings/" + meetingId);
        Instant startsAt = Instant.parse(current.json().get("startsAt").asString());
        HttpJson.Response set = convener.put("/api/meetings/" + meetingId + "/agenda", agenda, "If-Match",
            current.header("ETag"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        String item = set.json().get("agenda").get(0).get("agendaItemId").asString();
        HttpJson.Response decided = convener.put("/api/meetings/" + meetingId + "/agenda/" + item + "/decision", decision);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        convener.put("/api/meetings/" + meetingId + "/minutes", "{\"text\": \"会议纪要。\"}", "If-Match",
            decided.header("ETag"));
        clock.set(startsAt.plus(Duration.ofHours(2)));
        HttpJson.Response concluded = convener.post("/api/meetings/" + meetingId + "/conclude", "");
        assertThat(concluded.status()).as(concluded.body()).isEqualTo(200);
        return meetingId;
    }
}
