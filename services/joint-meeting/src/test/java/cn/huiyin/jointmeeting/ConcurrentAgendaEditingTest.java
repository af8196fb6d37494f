package cn.huiyin.jointmeeting;

import static cn.huiyin.jointmeeting.JointMeetingTestKit.DAMIAN_CONVENER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two conveners of the street edit one agenda from the same version: the first change is kept, the second is told
 * (412 with the current ETag) instead of silently overwriting it; a change without If-Match is refused (428).
 */
@ServiceTest
class ConcurrentAgendaEditingTest extends JointMeetingScenario {

    private static final TestUser SECOND_CONVENER = new TestUser("second-convener", List.of("meeting-convener"),
        "org-street-damian", "510112002");

    @Test
    void twoConvenersEditingOneAgendaAreDetectedNotLost() {
        String parking = request("PARKING_ACCESS");
        String wages = request("WAGES");
        HttpJson first = kit.as(DAMIAN_CONVENER);
        HttpJson second = kit.as(SECOND_CONVENER);
        String meetingId = first.post("/api/meetings", JointMeetingTestKit.meeting("12月联席例会",
            JointMeetingTestKit.now().plus(Duration.ofDays(1)), List.of("org-dept-urban"), List.of()))
            .json().get("meetingId").asString();
        String seenByFirst = first.get("/api/meetings/" + meetingId).header("ETag");
        String seenBySecond = second.get("/api/meetings/" + meetingId).header("ETag");
        assertThat(seenBySecond).isEqualTo(seenByFirst);

        HttpJson.Response firstSaves = first.put("/api/meetings/" + meetingId + "/agenda",
            "{\"items\": [{\"reviewRequestIds\": [\"" + parking + "\"]}]}", "If-Match", seenByFirst);
        HttpJson.Response secondSaves = second.put("/api/meetings/" + meetingId + "/agenda",
            "{\"items\": [{\"reviewRequestIds\": [\"" + wages + "\"]}]}", "If-Match", seenBySecond);

        assertThat(firstSaves.status()).as(firstSaves.body()).isEqualTo(200);
        assertThat(secondSaves.status()).isEqualTo(412);
        assertThat(secondSaves.json().get("code").asString()).isEqualTo("meeting.version-mismatch");
        assertThat(secondSaves.header("ETag")).isEqualTo(firstSaves.header("ETag")).isNotEqualTo(seenBySecond);
        JsonNode agenda = first.get("/api/meetings/" + meetingId).json().get("agenda");
        assertThat(agenda).hasSize(1);
        assertThat(agenda.get(0).get("reviewRequestIds").get(0).asString()).isEqualTo(parking);

        HttpJson.Response blind = second.put("/api/meetings/" + meetingId + "/agenda",
            "{\"items\": [{\"reviewRequestIds\": [\"" + wages + "\"]}]}");
        assertThat(blind.status()).isEqualTo(428);

        HttpJson.Response retried = second.put("/api/meetings/" + meetingId + "/agenda",
            "{\"items\": [{\"agendaItemId\": \"AG-1\"," + "\"reviewRequestIds\": [\"" + parking + "\"]},"
                + "{\"reviewRequestIds\": [\"" + wages + "\"]}]}", "If-Match", secondSaves.header("ETag"));
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().get("agenda").valueStream().map(i -> i.get("agendaItemId").asString()))
            .containsExactly("AG-1", "AG-2");
        assertThat(JointMeetingTestKit.events("AgendaSet", meetingId, 2).get(1).get("agendaRevision").asInt()).isEqualTo(2);
    }

    private String request(String category) {
        String grievance = JointMeetingTestKit.newGrievanceId(JointMeetingTestKit.now());
        kit.triagedAndAssigned(grievance, category, "510112002001", "FOOD_DELIVERY_RIDER", JointMeetingTestKit.now(),
            "org-street-damian", List.of());
        String other = JointMeetingTestKit.newGrievanceId(JointMeetingTestKit.now());
        String request = kit.jointReviewRequested(grievance, "PLACE", "大面街道 · " + category, List.of(grievance, other),
            category, "510112002001", "org-street-damian");
        kit.awaitReviewRequest(DAMIAN_CONVENER, request, r -> true);
        return request;
    }
}
