package cn.huiyin.jointmeeting;

import static cn.huiyin.jointmeeting.JointMeetingTestKit.DAMIAN_CONVENER;
import static cn.huiyin.jointmeeting.JointMeetingTestKit.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bad input gets an RFC 9457 problem naming every bad field in Chinese and English, and nothing of it is stored:
 * a due date before the meeting, an unknown department, an item without a lead, an uninvited organisation, a
 * representative named by phone number; concluding early, with gaps, or twice.
 */
@ServiceTest
class BadInputTest extends JointMeetingScenario {

    @Test
    void aDecisionWithADueDateBeforeTheMeetingAnUnknownDepartmentAndNoLeadNamesEachFieldAndStoresNothing() {
        HttpJson convener = kit.as(DAMIAN_CONVENER);
        String meetingId = meetingWithOneItem(convener);
        String item = convener.get("/api/meetings/" + meetingId).json().get("agenda").get(0).get("agendaItemId").asString();

        HttpJson.Response refused = convener.put("/api/meetings/" + meetingId + "/agenda/" + item + "/decision", """
            {"outcome": "ACTIONS", "messageToWorkers": "增设停车位",
             "actionItems": [
               {"leadOrganisationId": "org-dept-urban", "task": "增设停车位", "expectedOutcome": "200个",
                "dueDate": "2026-12-01"},
               {"leadOrganisationId": "org-dept-nowhere", "task": "巡查", "expectedOutcome": "每日巡查",
                "dueInWorkingDays": 5},
               {"task": "开放通道", "expectedOutcome": "专用通道", "dueInWorkingDays": 5},
               {"leadOrganisationId": "org-dept-justice", "coOrganiserIds": ["org-dept-closed"], "task": "法律援助",
                "expectedOutcome": "援助", "dueInWorkingDays": 5},
               {"leadOrganisationId": "org-dept-hrss", "task": "核查劳动关系", "expectedOutcome": "核查结论",
                "dueInWorkingDays": 5}]}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:huiyin:problem:validation");
        assertThat(fields(problem)).containsExactlyInAnyOrder("actionItems[0].dueDate",
            "actionItems[1].leadOrganisationId", "actionItems[2].leadOrganisationId",
            "actionItems[3].coOrganiserIds[0]", "actionItems[4].leadOrganisationId");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("code").asString())).contains(
            "due.not-after-meeting", "organisation.unknown", "action-item.no-lead", "organisation.not-invited");
        problem.get("errors").forEach(e -> {
            assertThat(e.get("message").asString()).isNotBlank();
            assertThat(e.get("messageEn").asString()).isNotBlank();
        });
        JsonNode stored = convener.get("/api/meetings/" + meetingId).json();
        JsonNode decision = stored.get("agenda").get(0).path("decision");
        assertThat(decision.isNull() || decision.isMissingNode()).as("no decision stored").isTrue();
    }

    @Test
    void aMeetingCannotConcludeWithAnUndecidedItemOrEmptyMinutesNorTwice() {
        HttpJson convener = kit.as(DAMIAN_CONVENER);
        String meetingId = meetingWithOneItem(convener);
        clock.advance(Duration.ofHours(2));

        HttpJson.Response notReady = convener.post("/api/meetings/" + meetingId + "/conclude", "");

        assertThat(notReady.status()).isEqualTo(409);
        assertThat(notReady.json().get("code").asString()).isEqualTo("meeting.not-ready");
        assertThat(fields(notReady.json())).hasSize(2).contains("minutes").anyMatch(f -> f.endsWith(".decision"));

        String item = convener.get("/api/meetings/" + meetingId).json().get("agenda").get(0).get("agendaItemId").asString();
        HttpJson.Response decided = convener.put("/api/meetings/" + meetingId + "/agenda/" + item + "/decision",
            "{\"outcome\": \"NO_ACTION\", \"messageToWorkers\": \"该路段属消防通道，不能设置停车位；已引导骑手至东门停车点。\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(convener.put("/api/meetings/" + meetingId + "/minutes", "{\"text\": \"   \"}", "If-Match",
            decided.header("ETag")).status()).isEqualTo(200);
        assertThat(fields(convener.post("/api/meetings/" + meetingId + "/conclude", "").json())).containsExactly("minutes");
        HttpJson.Response current = convener.get("/api/meetings/" + meetingId);
        convener.put("/api/meetings/" + meetingId + "/minutes", "{\"text\": \"经现场查看，不设停车位。\"}", "If-Match",
            current.header("ETag"));

        assertThat(convener.post("/api/meetings/" + meetingId + "/conclude", "").status()).isEqualTo(200);
        HttpJson.Response twice = convener.post("/api/meetings/" + meetingId + "/conclude", "");

        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asString()).isEqualTo("meeting.already-concluded");
        assertThat(twice.json().get("detailEn").asString()).contains("cannot conclude twice");
        assertThat(JointMeetingTestKit.events("MeetingConcluded", meetingId, 1)).hasSize(1);
        assertThat(MeetingTopic.get().seen(r -> meetingId.equals(r.key())
            && JointMeetingTestKit.type(r).equals("MeetingConcluded"))).hasSize(1);
        assertThat(convener.put("/api/meetings/" + meetingId + "/agenda/" + item + "/decision",
            "{\"outcome\": \"NO_ACTION\", \"messageToWorkers\": \"改\"}").status()).isEqualTo(409);
    }

    @Test
    void callingAMeetingWithUnknownOrMisplacedInviteesOrANamedRepresentativeNamesEachField() {
        HttpJson.Response refused = kit.as(DAMIAN_CONVENER).post("/api/meetings", """
            {"kind": "AD_HOC", "title": "联席会议", "startsAt": "2026-12-03T02:00:00Z", "endsAt": "2026-12-03T01:00:00Z",
             "place": "会议室", "invitedDepartmentIds": ["org-dept-urban", "org-ent-meituan", "org-dept-ghost"],
             "invitedEnterpriseIds": ["org-dept-hrss"],
             "workerRepresentatives": [{"label": "骑手张三13812341234", "count": 1}]}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused.json())).containsExactlyInAnyOrder("endsAt", "workerRepresentatives[0].label",
            "invitedDepartmentIds[1]", "invitedDepartmentIds[2]", "invitedEnterpriseIds[0]");
        assertThat(refused.json().get("errors").valueStream().filter(e -> e.get("field").asString().endsWith("label"))
            .findFirst().orElseThrow().get("messageEn").asString()).contains("no phone or ID numbers");

        HttpJson.Response invitees = kit.as(DAMIAN_CONVENER).post("/api/meetings", """
            {"kind": "AD_HOC", "title": "联席会议", "startsAt": "2026-12-03T02:00:00Z", "endsAt": "2026-12-03T04:00:00Z",
             "invitedDepartmentIds": ["org-dept-urban", "org-ent-meituan", "org-dept-ghost"],
             "invitedEnterpriseIds": ["org-dept-hrss"]}""");

        assertThat(invitees.status()).isEqualTo(400);
        assertThat(fields(invitees.json())).containsExactlyInAnyOrder("place", "invitedDepartmentIds[1]",
            "invitedDepartmentIds[2]", "invitedEnterpriseIds[0]");
        HttpJson.Response backwards = kit.as(DAMIAN_CONVENER).post("/api/meetings", """
            {"kind": "REGULAR", "title": "12月例会", "startsAt": "2026-12-03T02:00:00Z", "endsAt": "2026-12-03T01:00:00Z",
             "videoLink": "https://meeting.example.cn/j/123"}""");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(fields(backwards.json())).containsExactly("endsAt");
    }

    /** A meeting an hour from now with one review request of the street's queue on its agenda. */
    private String meetingWithOneItem(HttpJson convener) {
        String grievance = JointMeetingTestKit.newGrievanceId(JointMeetingTestKit.now());
        kit.triagedAndAssigned(grievance, "PARKING_ACCESS", "510112002001", "FOOD_DELIVERY_RIDER",
            JointMeetingTestKit.now(), "org-street-damian", List.of("org-dept-urban"));
        String other = JointMeetingTestKit.newGrievanceId(JointMeetingTestKit.now());
        String request = kit.jointReviewRequested(grievance, "PLACE", "大面街道 · 停车难、进门难", List.of(grievance, other),
            "PARKING_ACCESS", "510112002001", "org-street-damian");
        kit.awaitReviewRequest(DAMIAN_CONVENER, request, r -> true);
        HttpJson.Response scheduled = convener.post("/api/meetings", JointMeetingTestKit.meeting("停车难专题会",
            JointMeetingTestKit.now().plus(Duration.ofHours(1)), List.of("org-dept-urban", "org-dept-justice"),
            List.of("org-ent-meituan")));
        String meetingId = scheduled.json().get("meetingId").asString();
        HttpJson.Response agenda = convener.put("/api/meetings/" + meetingId + "/agenda",
            "{\"items\": [{\"reviewRequestIds\": [\"" + request + "\"]}]}", "If-Match", scheduled.header("ETag"));
        assertThat(agenda.status()).as(agenda.body()).isEqualTo(200);
        return meetingId;
    }
}
