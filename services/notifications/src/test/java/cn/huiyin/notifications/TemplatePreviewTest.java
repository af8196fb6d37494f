package cn.huiyin.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The preview endpoint renders a template as it would be sent; bad input gets RFC 9457 problems naming every field. */
class TemplatePreviewTest extends NotificationsScenario {

    static final TestUser SUPERVISOR = TestUser.of("supervisor", "org-city-swb", TestUser.CITY);

    @Test
    void aPreviewShowsBothLanguagesAndTheSmsParts() {
        HttpJson.Response response = kit.as(SUPERVISOR).post("/api/notifications/templates/WORKER_MATERIAL_REQUESTED/preview", """
            {"parameters": {"trackingNumber": "HY-20261120-000017", "materials": "医院诊断证明", "dueDate": "11月25日"}}""");
        assertThat(response.status()).isEqualTo(200);
        JsonNode preview = response.json();
        assertThat(preview.path("zh").asString())
            .isEqualTo("【回音】您的诉求HY-20261120-000017需补充材料：医院诊断证明。请于11月25日前提交。");
        assertThat(preview.path("en").asString()).contains("needs more material: 医院诊断证明");
        assertThat(preview.path("smsSegments").asInt()).isEqualTo(1);
        assertThat(preview.path("characters").asInt()).isEqualTo(preview.path("zh").asString().length());
    }

    @Test
    void anUnknownTemplateIsNotFound() {
        HttpJson.Response response = kit.as(SUPERVISOR).post("/api/notifications/templates/NO_SUCH/preview",
            "{\"parameters\": {}}");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("NO_SUCH");
    }

    @Test
    void missingUnknownAndOversizedValuesAreEachNamedInChineseAndEnglish() {
        String huge = "很长".repeat(120);
        HttpJson.Response response = kit.as(SUPERVISOR).post("/api/notifications/templates/WORKER_MATERIAL_REQUESTED/preview",
            "{\"parameters\": {\"trackingNumber\": \"HY-20261120-000017\", \"materials\": \"" + huge
                + "\", \"mobile\": \"13800138000\"}}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        String body = response.body();
        assertThat(body).contains("parameters.dueDate", "parameters.materials", "parameters.mobile");
        assertThat(body).contains("模板需要参数", "The template needs parameter", "参数过长", "Too long", "模板没有参数");
    }

    @Test
    void aTextOverThreeSmsIsRefused() {
        String long199 = "很".repeat(199);
        HttpJson.Response response = kit.as(SUPERVISOR).post("/api/notifications/templates/WORKER_MATERIAL_REQUESTED/preview",
            "{\"parameters\": {\"trackingNumber\": \"HY-20261120-000017\", \"materials\": \"" + long199
                + "\", \"dueDate\": \"11月25日\"}}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("MESSAGE_TOO_LONG").contains("短信将超过");
    }

    @Test
    void onlySupervisorsAdminsAndTriageOfficersPreview() {
        HttpJson.Response handler = kit.as(TestUser.of("org-handler", "org-committee-online-delivery", TestUser.CITY))
            .post("/api/notifications/templates/WORKER_ACCEPTED/preview", "{\"parameters\": {\"trackingNumber\": \"X\"}}");
        assertThat(handler.status()).isEqualTo(403);
        assertThat(kit.as(SUPERVISOR).get("/api/notifications/templates").json().size()).isEqualTo(13);
    }
}
