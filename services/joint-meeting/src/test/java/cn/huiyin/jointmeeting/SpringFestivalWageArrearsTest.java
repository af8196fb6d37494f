package cn.huiyin.jointmeeting;

import static cn.huiyin.jointmeeting.JointMeetingTestKit.TRANSPORT_CONVENER;
import static cn.huiyin.jointmeeting.JointMeetingTestKit.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestInstants;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Truck drivers of one freight platform are owed wages just before Spring Festival. On Saturday 2026-02-14 (an
 * adjusted working day, the last before the holiday of 02-15..02-23) the transport committee meets; the action items'
 * working-day due dates skip the holiday: three working days after the meeting day is Thursday 02-26, five is
 * Saturday 02-28 (another adjusted working day). A due date in the holiday is refused, naming the next working day.
 */
@ServiceTest
class SpringFestivalWageArrearsTest extends JointMeetingScenario {

    @Test
    void aWageArrearsClusterBeforeSpringFestivalGetsDueDatesThatSkipTheHoliday() {
        Instant now = TestInstants.LAST_WORKING_DAY_BEFORE_SPRING_FESTIVAL;
        clock.set(now);
        List<String> drivers = Stream.of(5, 4, 3).map(daysAgo -> {
            Instant at = now.minus(Duration.ofDays(daysAgo));
            String id = JointMeetingTestKit.newGrievanceId(at);
            kit.triagedAndAssigned(id, "WAGES", "510100", "TRUCK_DRIVER", at, "org-committee-transport",
                List.of("org-dept-hrss", "org-ent-huolala"));
            return id;
        }).toList();
        String request = kit.jointReviewRequested(drivers.get(2), "ENTERPRISE", "货拉拉成都党支部 · 工资拖欠", drivers, "WAGES",
            "510100", "org-committee-transport");
        JsonNode queued = kit.awaitReviewRequest(TRANSPORT_CONVENER, request, r -> r.get("grievanceCount").asInt() == 3
            && r.get("workerGroups").size() == 1);
        assertThat(queued.get("convener").get("id").asString()).isEqualTo("org-committee-transport");
        assertThat(queued.get("enterprises").get(0).get("id").asString()).isEqualTo("org-ent-huolala");

        HttpJson convener = kit.as(TRANSPORT_CONVENER);
        HttpJson.Response scheduled = convener.post("/api/meetings", JointMeetingTestKit.meeting(
            "货车司机工资拖欠春节前联席会议", JointMeetingTestKit.beijing(2026, 2, 14, 14, 0), List.of("org-dept-hrss"),
            List.of("org-ent-huolala")));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        String meetingId = scheduled.json().get("meetingId").asString();
        assertThat(meetingId).startsWith("JM-20260214-");
        HttpJson.Response agenda = convener.put("/api/meetings/" + meetingId + "/agenda",
            "{\"items\": [{\"reviewRequestIds\": [\"" + request + "\"]}]}", "If-Match", scheduled.header("ETag"));
        assertThat(agenda.status()).as(agenda.body()).isEqualTo(200);
        String item = agenda.json().get("agenda").get(0).get("agendaItemId").asString();
        String decision = "/api/meetings/" + meetingId + "/agenda/" + item + "/decision";

        HttpJson.Response inTheHoliday = convener.put(decision, decisionWith("\"dueDate\": \"2026-02-18\""));

        assertThat(inTheHoliday.status()).isEqualTo(400);
        assertThat(fields(inTheHoliday.json())).containsExactly("actionItems[1].dueDate");
        JsonNode problem = inTheHoliday.json().get("errors").get(0);
        assertThat(problem.get("message").asString()).contains("春节").contains("2026-02-24");
        assertThat(problem.get("messageEn").asString()).contains("2026-02-24");

        HttpJson.Response decided = convener.put(decision, decisionWith("\"dueInWorkingDays\": 5"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        convener.put("/api/meetings/" + meetingId + "/minutes", "{\"text\": \"人社局牵头督促企业节后足额支付。\"}",
            "If-Match", decided.header("ETag"));
        clock.set(JointMeetingTestKit.beijing(2026, 2, 14, 16, 40));
        assertThat(convener.post("/api/meetings/" + meetingId + "/conclude", "").status()).isEqualTo(200);

        JsonNode wages = JointMeetingTestKit.events("ActionItemAssigned", "AI-" + meetingId + "-1", 1).get(0);
        JsonNode notice = JointMeetingTestKit.events("ActionItemAssigned", "AI-" + meetingId + "-2", 1).get(0);
        assertThat(wages.get("dueDate").asString()).isEqualTo("2026-02-26");
        assertThat(wages.get("dueAt").asString()).isEqualTo("2026-02-26T09:30:00Z");
        assertThat(notice.get("dueDate").asString()).isEqualTo("2026-02-28");
        for (JsonNode assigned : List.of(wages, notice)) {
            LocalDate due = LocalDate.parse(assigned.get("dueDate").asString());
            assertThat(due.isBefore(LocalDate.of(2026, 2, 15)) || due.isAfter(LocalDate.of(2026, 2, 23))).as("%s outside the holiday", due).isTrue();
            assertThat(assigned.get("grievanceIds").valueStream().map(JsonNode::asString)).containsExactlyElementsOf(drivers);
        }
    }

    private static String decisionWith(String secondDue) {
        return """
            {"outcome": "ACTIONS", "messageToWorkers": "人社局牵头督促货拉拉成都公司在节后核对并足额支付拖欠的运费和工资。",
             "actionItems": [
               {"leadOrganisationId": "org-dept-hrss", "coOrganiserIds": ["org-ent-huolala"],
                "task": "督促货拉拉成都公司核对并足额支付拖欠司机的运费和工资", "expectedOutcome": "拖欠款项全部结清并书面告知司机",
                "dueInWorkingDays": 3},
               {"leadOrganisationId": "org-ent-huolala", "task": "向每位司机书面说明结算明细",
                "expectedOutcome": "每位司机收到结算明细", %s}]}""".formatted(secondDue);
    }
}
