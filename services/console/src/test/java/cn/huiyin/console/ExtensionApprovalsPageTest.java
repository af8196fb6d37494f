package cn.huiyin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The supervisor's extension approvals (延期审批) against a stand-in follow-up: the requests waiting in the jurisdiction
 * with reason and deadlines in Beijing time; approving or refusing sends the decision with its note; follow-up's
 * refusal (not the organisation above) is shown in its words.
 */
class ExtensionApprovalsPageTest extends StandInServicesTest {

    private static final String PENDING = """
        {"items":[{"grievanceId":"HY-20261202-000007","status":"SIGNED_FOR","statusZh":"已签收","statusEn":"Signed for",
          "categoryName":"停车难","divisionCode":"510112002","summary":"龙湖天街北门无骑手停车位",
          "lead":{"id":"org-street-damian","name":"大面街道党工委","type":"STREET"},
          "extension":{"extensionId":"EXT-1","requestedAt":"2026-12-02T02:10:00Z","requestedBy":"street-handler",
            "reason":"需等待平台总部复核订单记录","fromDueAt":"2026-12-09T09:30:00Z","requestedDueAt":"2026-12-14T09:30:00Z",
            "decidingOrganisation":{"id":"org-district-lqy","name":"龙泉驿区委社会工作部","type":"DISTRICT"},"approved":null}}],
         "page":0,"size":50,"total":1,"asOf":"2026-12-02T02:30:00Z"}
        """;

    @Test
    void theSupervisorSeesThePendingRequestAndApprovesItWithANote() throws Exception {
        SERVICES.answer("GET /api/supervision/extensions?size=50", 200, PENDING)
            .answer("GET /api/supervision/escalations?size=50", 200, "{\"items\":[]}")
            .answer("POST /api/cases/HY-20261202-000007/extensions/EXT-1/decision", 200, "{}");

        String page = mvc.perform(get("/supervisor").with(user("supervisor"))).andReturn().getResponse()
            .getContentAsString();
        assertThat(page).contains("需等待平台总部复核订单记录", "2026-12-09 17:30 → 2026-12-14 17:30", "龙泉驿区委社会工作部",
            "id=\"approve-HY-20261202-000007\"");

        MvcResult posted = mvc.perform(post("/supervisor/cases/HY-20261202-000007/extensions/EXT-1/decision")
            .param("decision", "APPROVE").param("note", "同意延期3个工作日").with(user("supervisor")).with(csrf())).andReturn();

        assertThat(SERVICES.last("POST /api/cases/HY-20261202-000007/extensions/EXT-1/decision").body())
            .isEqualTo("{\"approved\":true,\"note\":\"同意延期3个工作日\"}");
        assertThat(follow(posted, "supervisor")).contains("id=\"extension-decided\"");
    }

    @Test
    void followUpsRefusalIsShownInItsWords() throws Exception {
        SERVICES.answer("GET /api/supervision/extensions?size=50", 200, PENDING)
            .answer("POST /api/cases/HY-20261202-000007/extensions/EXT-1/decision", 403, """
                {"title":"无权操作","titleEn":"Forbidden","status":403,"code":"extension.not-above",
                 "detail":"延期由主办单位的上级单位审批（龙泉驿区委社会工作部）",
                 "detailEn":"An extension is decided by the organisation above the lead (org-district-lqy)"}
                """);

        MvcResult posted = mvc.perform(post("/supervisor/cases/HY-20261202-000007/extensions/EXT-1/decision")
            .param("decision", "REFUSE").param("note", "期限足以办结").with(user("supervisor")).with(csrf())).andReturn();

        assertThat(SERVICES.last("POST /api/cases/HY-20261202-000007/extensions/EXT-1/decision").body())
            .contains("\"approved\":false");
        assertThat(follow(posted, "supervisor")).contains("延期由主办单位的上级单位审批（龙泉驿区委社会工作部）");
    }

    @Test
    void onlyASupervisorDecides() throws Exception {
        assertThat(mvc.perform(post("/supervisor/cases/HY-20261202-000007/extensions/EXT-1/decision")
            .param("decision", "APPROVE").with(user("org-handler")).with(csrf())).andReturn().getResponse().getStatus())
            .isEqualTo(403);
        assertThat(SERVICES.received).isEmpty();
    }
}
