package cn.huiyin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The convener's pages against a stand-in joint-meeting: a meeting is called from the queue (Beijing time sent as an
 * instant), the meeting page offers joint-meeting's agenda proposal, attendance and a decision form per agenda item;
 * a decision joint-meeting refuses comes back with each problem next to its field and what was typed kept; every
 * change is sent with the meeting's version (If-Match); the pages are closed to other roles.
 */
class ConvenerPagesTest extends StandInServicesTest {

    static final String MEETING = """
        {"meetingId":"JM-20261203-001","kind":"AD_HOC","title":"大面街道骑手停车难联席会议",
         "convener":{"id":"org-street-damian","name":"大面街道党工委","type":"STREET"},"state":"SCHEDULED",
         "startsAt":"2026-12-03T01:30:00Z","endsAt":"2026-12-03T03:30:00Z","startsAtBeijing":"2026-12-03 09:30",
         "endsAtBeijing":"2026-12-03 11:30","place":"大面街道办事处三楼会议室",
         "invitedDepartments":[{"id":"org-dept-urban","name":"市城市管理委员会（城管）","type":"MEMBER_DEPARTMENT"}],
         "invitedEnterprises":[{"id":"org-ent-meituan","name":"美团","type":"ENTERPRISE"}],
         "workerRepresentatives":[{"label":"骑手代表","workerGroup":"FOOD_DELIVERY_RIDER","count":2}],
         "agenda":[{"agendaItemId":"AG-1","kind":"REVIEW","title":"龙湖天街北门骑手停车","reviewRequestIds":["RR-CL-P-HY-20261122-000105"],
           "grievanceIds":["HY-20261122-000105"],"grievanceCount":3,"decision":null}],
         "agendaRevision":1,"attendance":[{"organisation":{"id":"org-dept-urban","name":"市城市管理委员会（城管）","type":"MEMBER_DEPARTMENT"},
           "representative":null,"status":"DELEGATE","note":"副主任代为出席"}],
         "minutes":null,"concludedAt":null,"version":7}
        """;

    @Test
    void theMeetingPageOffersTheProposalAttendanceAndADecisionFormPerAgendaItem() throws Exception {
        SERVICES.answer("GET /api/meetings/JM-20261203-001", 200, MEETING)
            .answer("GET /api/meetings/JM-20261203-001/agenda/proposal", 200, """
                [{"agendaItemId":"AG-1","kind":"REVIEW","title":"龙湖天街北门骑手停车",
                  "reviewRequestIds":["RR-CL-P-HY-20261122-000105"],"grievanceCount":3},
                 {"agendaItemId":null,"kind":"REVIEW","title":"城南片区超时罚款",
                  "reviewRequestIds":["RR-HY-20261125-000020"],"grievanceCount":1}]
                """);

        String page = mvc.perform(get("/convener/meetings/JM-20261203-001").with(user("meeting-convener")))
            .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("大面街道骑手停车难联席会议", "城南片区超时罚款", "id=\"set-agenda\"",
            "name=\"rr-1\" value=\"RR-HY-20261125-000020\"", "副主任代为出席", "id=\"decision-AG-1-save\"",
            "/convener/meetings/JM-20261203-001/invitation.ics", "id=\"conclude\"", "id=\"lang-toggle\"", "跳到正文");
        assertThat(page).as("the delegate's attendance is selected")
            .containsPattern("value=\"DELEGATE\"\\s+selected");

        String english = mvc.perform(get("/convener/meetings/JM-20261203-001").param("lang", "en")
            .with(user("meeting-convener"))).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Set the agenda", "By delegate", "What the workers are told", "Conclude the meeting")
            .doesNotContain("确定议程");
    }

    @Test
    void aRefusedDecisionShowsEachProblemNextToItsFieldAndKeepsWhatWasTyped() throws Exception {
        SERVICES.answer("GET /api/meetings/JM-20261203-001", 200, MEETING)
            .answer("GET /api/meetings/JM-20261203-001/agenda/proposal", 200, "[]")
            .answer("PUT /api/meetings/JM-20261203-001/agenda/AG-1/decision", 400, """
                {"type":"about:blank","title":"请求数据有误","titleEn":"Invalid request data","status":400,
                 "errors":[{"field":"actionItems[0].dueDate","message":"2026-12-05 是周六（非工作日），下一个工作日是 2026-12-07",
                            "messageEn":"2026-12-05 is a day off (Saturday); the next working day is 2026-12-07"},
                           {"field":"actionItems[0].coOrganiserIds[0]","message":"配合单位重复，或与牵头单位相同",
                            "messageEn":"listed twice, or the same as the lead"}]}
                """);

        MvcResult posted = mvc.perform(post("/convener/meetings/JM-20261203-001/agenda/AG-1/decision")
                .param("version", "7").param("rows", "2").param("outcome", "ACTIONS")
                .param("messageToWorkers", "城管在北门外增设骑手专用停车位")
                .param("lead-0", "").param("task-0", "").param("expectedOutcome-0", "")
                .param("lead-1", "org-dept-urban").param("co-1", "org-dept-urban").param("task-1", "增设骑手专用停车位")
                .param("expectedOutcome-1", "新增停车位200个").param("dueDate-1", "2026-12-05")
                .with(user("meeting-convener")).with(csrf()))
            .andReturn();

        StandInService.Received sent = SERVICES.last("PUT /api/meetings/JM-20261203-001/agenda/AG-1/decision");
        assertThat(sent.ifMatch()).isEqualTo("\"7\"");
        assertThat(sent.body()).as("the empty first row is not sent").contains("\"task\":\"增设骑手专用停车位\"")
            .contains("\"coOrganiserIds\":[\"org-dept-urban\"]").doesNotContain("\"task\":null");
        String page = follow(posted, "meeting-convener");
        assertThat(page).contains("id=\"decision-AG-1:actionItems[1].dueDate-errors\"",
            "2026-12-05 是周六", "id=\"decision-AG-1:actionItems[1].coOrganiserIds-errors\"", "value=\"增设骑手专用停车位\"",
            "城管在北门外增设骑手专用停车位");
    }

    @Test
    void aMeetingIsCalledAtBeijingTimeAndTheConvenerLandsOnIt() throws Exception {
        SERVICES.answer("POST /api/meetings", 201, MEETING);

        MvcResult posted = mvc.perform(post("/convener/meetings").param("kind", "AD_HOC").param("title", "骑手停车难联席会议")
                .param("startsAt", "2026-12-03T09:30").param("endsAt", "2026-12-03T11:30").param("place", "三楼会议室")
                .param("departments", "org-dept-urban").param("moreEnterprises", "org-ent-meituan, org-ent-eleme")
                .param("representatives", "骑手代表").with(user("meeting-convener")).with(csrf()))
            .andReturn();

        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo("/convener/meetings/JM-20261203-001");
        assertThat(SERVICES.last("POST /api/meetings").body()).contains("\"startsAt\":\"2026-12-03T01:30:00Z\"",
            "\"invitedDepartmentIds\":[\"org-dept-urban\"]", "\"invitedEnterpriseIds\":[\"org-ent-meituan\",\"org-ent-eleme\"]",
            "\"workerRepresentatives\":[{\"label\":\"骑手代表\"}]");
    }

    @Test
    void aMeetingJointMeetingRefusesToConcludeSaysWhatIsMissing() throws Exception {
        SERVICES.answer("GET /api/meetings/JM-20261203-001", 200, MEETING)
            .answer("GET /api/meetings/JM-20261203-001/agenda/proposal", 200, "[]")
            .answer("POST /api/meetings/JM-20261203-001/conclude", 409, """
                {"title":"会议尚不能结束","titleEn":"The meeting cannot conclude yet","status":409,
                 "detail":"议题 AG-1 尚无会商意见；会议纪要为空","detailEn":"AG-1 has no decision; the minutes are empty"}
                """);

        MvcResult posted = mvc.perform(post("/convener/meetings/JM-20261203-001/conclude").param("version", "7")
            .with(user("meeting-convener")).with(csrf())).andReturn();

        assertThat(SERVICES.last("POST /api/meetings/JM-20261203-001/conclude").ifMatch()).isEqualTo("\"7\"");
        assertThat(follow(posted, "meeting-convener")).contains("议题 AG-1 尚无会商意见；会议纪要为空");
    }

    @Test
    void theConvenersPagesAreClosedToOtherRoles() throws Exception {
        assertThat(mvc.perform(get("/convener/meetings/JM-20261203-001").with(user("window-clerk"))).andReturn()
            .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/convener/meetings/JM-20261203-001/conclude").with(user("supervisor")).with(csrf()))
            .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(SERVICES.received).isEmpty();
    }

    @Test
    void aHandlerEscalatesACaseToTheConvenersQueueWithTheReason() throws Exception {
        SERVICES.answer("POST /api/cases/HY-20261202-000009/escalations", 201, "{\"reviewRequestId\":\"RR-HY-20261202-000009\"}");

        MvcResult posted = mvc.perform(post("/handler/cases/HY-20261202-000009/escalation")
            .param("explanation", "停车位需城管和商场共同解决").with(user("org-handler")).with(csrf())).andReturn();

        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo("/handler/cases/HY-20261202-000009");
        assertThat(posted.getFlashMap().containsKey("done")).isTrue();
        assertThat(SERVICES.last("POST /api/cases/HY-20261202-000009/escalations").body())
            .isEqualTo("{\"explanation\":\"停车位需城管和商场共同解决\"}");
    }

    @Test
    void thePrintableMinutesComeWithTheirOwnStyleAndNoScript() throws Exception {
        SERVICES.answer("GET /api/meetings/JM-20261203-001/minutes.html", 200,
            "<!DOCTYPE html><html><head><style>body{font-size:14pt}</style></head><body>会议纪要</body></html>");

        var response = mvc.perform(get("/convener/meetings/JM-20261203-001/minutes.html").with(user("meeting-convener")))
            .andReturn().getResponse();

        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("会议纪要");
        assertThat(response.getHeaders("Content-Security-Policy")).containsExactly(
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    }
}
