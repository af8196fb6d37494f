package cn.huiyin.jointmeeting;

import static cn.huiyin.jointmeeting.JointMeetingTestKit.DAMIAN_CONVENER;
import static cn.huiyin.jointmeeting.JointMeetingTestKit.HRSS_LIAISON;
import static cn.huiyin.jointmeeting.JointMeetingTestKit.MEITUAN_HANDLER;
import static cn.huiyin.jointmeeting.JointMeetingTestKit.URBAN_LIAISON;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The participants' view and the exports: an invited department sees the meeting, a department not invited does not;
 * the platform firm sees it without the grievance ids; the invitation is a valid iCalendar object at Beijing time; the
 * minutes are a printable page that shows what was written, never as markup.
 */
@ServiceTest
class ParticipantsAndExportsTest extends JointMeetingScenario {

    @Test
    void invitedOrganisationsSeeTheMeetingAndTheEnterpriseSeesNoGrievanceIds() {
        String meetingId = meetingWithAgenda("大面街道骑手停车难联席会议");

        assertThat(ids(kit.as(URBAN_LIAISON).get("/api/meetings").json())).contains(meetingId);
        assertThat(ids(kit.as(HRSS_LIAISON).get("/api/meetings").json())).doesNotContain(meetingId);
        assertThat(kit.as(HRSS_LIAISON).get("/api/meetings/" + meetingId).status()).isEqualTo(403);
        assertThat(kit.as(URBAN_LIAISON).get("/api/meetings/" + meetingId).json().get("agenda").get(0)
            .get("grievanceIds")).hasSize(2);

        JsonNode asPlatform = kit.as(MEITUAN_HANDLER).get("/api/meetings/" + meetingId).json();
        JsonNode item = asPlatform.get("agenda").get(0);
        assertThat(item.path("grievanceIds").isNull() || item.path("grievanceIds").isMissingNode()).isTrue();
        assertThat(item.get("grievanceCount").asInt()).isEqualTo(2);
        assertThat(item.path("reviewRequestIds").isNull() || item.path("reviewRequestIds").isMissingNode()).isTrue();
        assertThat(kit.as(MEITUAN_HANDLER).get("/api/meetings/" + meetingId + "/minutes.html").body())
            .doesNotContain("HY-2026");
    }

    @Test
    void theInvitationIsAnRfc5545EventAtBeijingTime() {
        String meetingId = meetingWithAgenda("停车难, 进门难; 联席会议");

        HttpJson.Response ics = kit.as(URBAN_LIAISON).get("/api/meetings/" + meetingId + "/invitation.ics");

        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.header("Content-Type")).startsWith("text/calendar");
        assertThat(ics.header("Content-Disposition")).contains(meetingId + ".ics");
        String body = ics.body();
        assertThat(body).endsWith("\r\n");
        assertThat(body.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        String[] physical = body.split("\r\n");
        for (String line : physical) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        List<String> lines = unfold(physical);
        assertThat(lines.get(0)).isEqualTo("BEGIN:VCALENDAR");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("END:VCALENDAR");
        assertThat(lines).contains("VERSION:2.0", "BEGIN:VTIMEZONE", "TZID:Asia/Shanghai", "TZOFFSETTO:+0800",
            "BEGIN:VEVENT", "END:VEVENT", "UID:" + meetingId + "@huiyin");
        assertThat(lines).anyMatch(l -> l.startsWith("PRODID:"));
        assertThat(lines).anyMatch(l -> l.matches("DTSTAMP:\\d{8}T\\d{6}Z"));
        // The meeting starts an hour after 2026-12-02 10:00 Beijing time.
        assertThat(lines).contains("DTSTART;TZID=Asia/Shanghai:20261202T110000", "DTEND;TZID=Asia/Shanghai:20261202T130000");
        assertThat(lines).contains("SUMMARY:停车难\\, 进门难\\; 联席会议");
        assertThat(lines).anyMatch(l -> l.startsWith("DESCRIPTION:") && l.contains("市城市管理委员会（城管）")
            && l.contains("\\n"));
        for (String component : List.of("VCALENDAR", "VTIMEZONE", "STANDARD", "VEVENT")) {
            assertThat(lines.stream().filter(l -> l.equals("BEGIN:" + component)).count())
                .isEqualTo(lines.stream().filter(l -> l.equals("END:" + component)).count()).isEqualTo(1);
        }
    }

    @Test
    void theMinutesAreAPrintablePageThatShowsWhatWasWrittenNeverAsMarkup() {
        String meetingId = meetingWithAgenda("大面街道骑手停车难联席会议");
        HttpJson convener = kit.as(DAMIAN_CONVENER);
        HttpJson.Response current = convener.get("/api/meetings/" + meetingId);
        convener.put("/api/meetings/" + meetingId + "/minutes",
            "{\"text\": \"骑手代表反映：<script>alert(1)</script> 北门无处停车。\\n城管表示将增设车位。\"}",
            "If-Match", current.header("ETag"));

        HttpJson.Response page = kit.as(URBAN_LIAISON).get("/api/meetings/" + meetingId + "/minutes.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).startsWith("<!DOCTYPE html>").contains("@media print").contains("会议纪要")
            .contains("大面街道骑手停车难联席会议").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
            .doesNotContain("<script>").contains("市城市管理委员会（城管）").contains("外卖骑手代表");
    }

    @Test
    void aCaseShowsItsJointReviewToThoseWhoHandleItAndToNobodyElse() {
        Instant now = JointMeetingTestKit.now();
        String grievance = JointMeetingTestKit.newGrievanceId(now);
        kit.triagedAndAssigned(grievance, "PARKING_ACCESS", "510112002001", "FOOD_DELIVERY_RIDER", now,
            "org-street-damian", List.of("org-dept-urban"));
        kit.jointReviewRequested(grievance, "PLACE", "大面街道 · 停车难、进门难",
            List.of(grievance, JointMeetingTestKit.newGrievanceId(now)), "PARKING_ACCESS", "510112002001",
            "org-street-damian");
        JsonNode pending = kit.awaitCaseView(URBAN_LIAISON, grievance, v -> v.get("reviews").size() == 1);

        assertThat(pending.get("reviews").get(0).get("state").asString()).isEqualTo("PENDING");
        assertThat(kit.as(JointMeetingTestKit.DISTRICT_SUPERVISOR).get("/api/cases/" + grievance + "/joint-review")
            .status()).isEqualTo(200);
        assertThat(kit.as(HRSS_LIAISON).get("/api/cases/" + grievance + "/joint-review").status()).isEqualTo(403);
        assertThat(kit.as(HRSS_LIAISON).get("/api/cases/HY-20200101-000009/joint-review").status()).isEqualTo(404);
    }

    private String meetingWithAgenda(String title) {
        Instant now = JointMeetingTestKit.now();
        String grievance = JointMeetingTestKit.newGrievanceId(now);
        String other = JointMeetingTestKit.newGrievanceId(now);
        kit.triagedAndAssigned(grievance, "PARKING_ACCESS", "510112002001", "FOOD_DELIVERY_RIDER", now,
            "org-street-damian", List.of());
        String request = kit.jointReviewRequested(grievance, "PLACE", "大面街道 · 停车难、进门难", List.of(grievance, other),
            "PARKING_ACCESS", "510112002001", "org-street-damian");
        kit.awaitReviewRequest(DAMIAN_CONVENER, request, r -> true);
        HttpJson convener = kit.as(DAMIAN_CONVENER);
        HttpJson.Response scheduled = convener.post("/api/meetings", JointMeetingTestKit.meeting(title,
            now.plus(Duration.ofHours(1)), List.of("org-dept-urban"), List.of("org-ent-meituan")));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        String meetingId = scheduled.json().get("meetingId").asString();
        assertThat(convener.put("/api/meetings/" + meetingId + "/agenda",
            "{\"items\": [{\"reviewRequestIds\": [\"" + request + "\"]}]}", "If-Match", scheduled.header("ETag"))
            .status()).isEqualTo(200);
        return meetingId;
    }

    private static List<String> ids(JsonNode meetings) {
        return meetings.valueStream().map(m -> m.get("meetingId").asString()).toList();
    }

    /** RFC 5545 3.1: a line starting with a space continues the previous one. */
    private static List<String> unfold(String[] physical) {
        List<String> lines = new ArrayList<>();
        Arrays.stream(physical).forEach(line -> {
            if (line.startsWith(" ")) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + line.substring(1));
            } else {
                lines.add(line);
            }
        });
        return lines;
    }
}
