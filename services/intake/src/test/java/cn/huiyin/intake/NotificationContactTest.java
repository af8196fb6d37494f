package cn.huiyin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The notification service asks for the worker's mobile to text them (ADR 0024): only with the services' own token,
 * nothing but the mobile, never cached, and every answer in the audit trail.
 */
@ServiceTest
class NotificationContactTest {

    @LocalServerPort
    int port;

    private final TestUser clerk = TestUser.of("window-clerk", "org-lqy-window", "510112");
    private final TestUser service = TestUser.of("service");

    @Test
    void theServiceGetsTheMobileAloneAndTheReadIsAudited() {
        String id = HttpJson.at(port).as(clerk).post("/api/grievances", FilingAGrievanceTest.RIDER_INSURANCE_CLAIM)
            .json().get("trackingNumber").asString();

        HttpJson.Response answer = HttpJson.at(port).as(service).get("/api/internal/grievances/" + id
            + "/notification-contact");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).contains("no-store");
        assertThat(answer.json().get("mobile").asString()).isEqualTo("13812341234");
        assertThat(answer.body()).doesNotContain("李明", "11010519491231002X");

        JsonNode audit = HttpJson.at(port).as(TestUser.of("supervisor"))
            .get("/api/audit?grievanceId=" + id + "&kind=PERSONAL_DATA_READ").json();
        assertThat(audit.get("total").asLong()).isEqualTo(1);
        assertThat(audit.at("/entries/0/reason").asString()).isEqualTo("notification");
        assertThat(audit.at("/entries/0/fields").valueStream().map(JsonNode::asString)).containsExactly("mobile");
    }

    @Test
    void staffCannotUseTheServicesDoorAndAnUnknownGrievanceIsNotFound() {
        String id = HttpJson.at(port).as(clerk).post("/api/grievances", FilingAGrievanceTest.RIDER_INSURANCE_CLAIM)
            .json().get("trackingNumber").asString();
        TestUser callbackAgent = TestUser.of("callback-agent", "org-hotline-12345", "510100");
        assertThat(HttpJson.at(port).as(callbackAgent).get("/api/internal/grievances/" + id
            + "/notification-contact").status()).isEqualTo(403);
        assertThat(HttpJson.at(port).as(service).get("/api/internal/grievances/HY-20261130-999999"
            + "/notification-contact").status()).isEqualTo(404);
    }
}
