package cn.huiyin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;

/**
 * The clerk's look-up of a returning worker against a stand-in intake: the earlier grievances are listed on the form
 * and the name and mobile filled in; intake's refusal of a malformed number is shown next to the look-up field; the
 * number goes in a POST body, never in an address; other roles cannot use it.
 */
class ReturningWorkerLookupTest extends StandInServicesTest {

    @Test
    void theEarlierGrievancesAreListedTheMobileFilledInAndTheNameOnlyMasked() throws Exception {
        SERVICES.answer("POST /api/grievances/by-mobile", 200, """
            {"workerName":"李*","grievances":[
              {"grievanceId":"HY-20261122-000001","submittedAt":"2026-11-22T02:15:00Z","category":"INJURY_INSURANCE",
               "categoryName":"工伤与意外保险","categoryNameEn":"Injury insurance","status":"CLOSED","statusName":"已办结",
               "statusNameEn":"Closed","confidential":true}]}
            """);

        String page = mvc.perform(post("/clerk/lookup").param("lookupMobile", " 13812341234 ")
                .with(user("window-clerk")).with(csrf()))
            .andReturn().getResponse().getContentAsString();

        assertThat(SERVICES.last("POST /api/grievances/by-mobile").body()).isEqualTo("{\"mobile\":\"13812341234\"}");
        assertThat(page).contains("id=\"earlier-grievances\"", "HY-20261122-000001", "2026-11-22 10:15", "工伤与意外保险",
            "已办结", "曾要求保密", "id=\"lookup-submit\"", "id=\"lang-toggle\"");
        assertThat(page).contains("上次登记姓名：李*").doesNotContainPattern("id=\"workerName\"[^>]*value=\"[^\"]")
            .containsPattern("id=\"workerMobile\"[^>]*value=\"13812341234\"");
    }

    @Test
    void aMalformedNumberIsRefusedNextToTheLookupField() throws Exception {
        SERVICES.answer("POST /api/grievances/by-mobile", 400, """
            {"title":"请求数据有误","titleEn":"Invalid request data","status":400,
             "errors":[{"field":"mobile","message":"手机号应为 11 位中国大陆手机号码","messageEn":"must be an 11-digit mainland China mobile number"}]}
            """);

        String page = mvc.perform(post("/clerk/lookup").param("lookupMobile", "1381234").param("lang", "en")
                .with(user("window-clerk")).with(csrf()))
            .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"lookupMobile-errors\"", "must be an 11-digit mainland China mobile number")
            .doesNotContain("earlier-grievances");
    }

    @Test
    void theLookupIsTheClerksAndOperatorsOnly() throws Exception {
        for (String role : new String[] {"dashboard-viewer", "org-handler", "supervisor"}) {
            assertThat(mvc.perform(post("/clerk/lookup").param("lookupMobile", "13812341234").with(user(role)).with(csrf()))
                .andReturn().getResponse().getStatus()).as(role).isEqualTo(403);
        }
        assertThat(mvc.perform(get("/clerk/lookup").with(user("window-clerk"))).andReturn().getResponse().getStatus())
            .as("no look-up by address").isNotEqualTo(200);
        assertThat(SERVICES.received).isEmpty();
    }
}
