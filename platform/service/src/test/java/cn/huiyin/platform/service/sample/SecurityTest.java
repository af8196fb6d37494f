package cn.huiyin.platform.service.sample;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huiyin.platform.test.AccessTable;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestIdentityProvider;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every service is born protected: the rules the platform enforces for each endpoint's declaration. */
@ServiceTest
class SecurityTest {

    private static final String NOTE = "{\"text\": \"骑手反映停车难\"}";

    @LocalServerPort
    int port;

    private final TestIdentityProvider tokens = TestIdentityProvider.get();
    private final TestUser clerk = TestUser.of("window-clerk", "org-lqy-window", "510112");

    @Test
    void aValidTokenForTheDeclaredRoleGetsInAndIsKnownByName() {
        HttpJson.Response answer = HttpJson.at(port).as(clerk).post("/api/notes", NOTE);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode user = answer.json();
        assertThat(user.get("username").asString()).isEqualTo(clerk.username());
        assertThat(user.get("roles").get(0).asString()).isEqualTo("WINDOW_CLERK");
        assertThat(user.get("org").asString()).isEqualTo("org-lqy-window");
        assertThat(user.get("jurisdiction").asString()).isEqualTo("510112");
    }

    @Test
    void noTokenIs401AndTheWrongRoleIs403EvenWithABodyThatWouldNotValidate() {
        HttpJson http = HttpJson.at(port);

        HttpJson.Response anonymous = http.post("/api/notes", "{}");
        HttpJson.Response wrongRole = http.as(TestUser.of("supervisor")).post("/api/notes", "{}");
        HttpJson.Response rightRoleBadBody = http.as(clerk).post("/api/notes", "{}");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.json().get("titleEn").asString()).isEqualTo("Authentication required");
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(wrongRole.json().get("title").asString()).isEqualTo("无权执行此操作");
        assertThat(rightRoleBadBody.status()).isEqualTo(400);
    }

    @Test
    void expiredForeignSignedUnsignedAndForeignIssuerTokensAreRefused() {
        HttpJson http = HttpJson.at(port);

        for (String token : new String[] {tokens.expiredToken(clerk), tokens.tokenSignedByAStranger(clerk),
            tokens.unsignedToken(clerk), tokens.tokenFromAnotherIssuer(clerk), "not-a-jwt"}) {
            HttpJson.Response answer = http.withToken(token).post("/api/notes", NOTE);

            assertThat(answer.status()).as(token).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).contains("invalid_token");
            assertThat(answer.json().get("detailEn").asString()).contains("invalid or expired");
        }
    }

    @Test
    void aPublicEndpointNeedsNoToken() {
        HttpJson.Response answer = HttpJson.at(port).get("/api/public/hello");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("你好");
    }

    @Test
    void theAccessTableHoldsForEveryEndpointAndRole() {
        AccessTable table = AccessTable.parse("""
            POST /api/notes                        | window-clerk |
            POST /api/forms                        | window-clerk |
            GET  /api/public/hello                 | public |
            GET  /api/public/limited               | public |
            GET  /api/cases/{id}/contact           | callback-agent |
            GET  /api/audit                        | supervisor admin |
            GET  /api/audit/export                 | supervisor admin |
            """);

        assertThat(table.mismatchedEndpoints(port)).isEmpty();
        assertThat(table.probeRoles(port)).isEmpty();
    }

    @Test
    void aPublicEndpointCalledTooOftenAnswers429WithRetryAfter() {
        HttpJson http = HttpJson.at(port);
        int[] statuses = new int[5];
        HttpJson.Response last = null;
        for (int i = 0; i < statuses.length; i++) {
            last = http.get("/api/public/limited");
            statuses[i] = last.status();
        }

        assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
        assertThat(last.header("Retry-After")).isEqualTo("60");
        assertThat(last.json().get("type").asString()).isEqualTo("urn:huiyin:problem:rate-limited");
        assertThat(last.json().get("detailEn").asString()).contains("60 seconds");
    }

    @Test
    void everyPersonalDataReadIsAuditedAndSupervisorsCanFindAndExportIt() {
        HttpJson http = HttpJson.at(port);
        TestUser agent = TestUser.of("callback-agent", "org-hotline-12345", "510100");

        http.as(agent).get("/api/cases/HY-20261122-000777/contact?reason=回访联系");
        // The sample service places HY-20261122-000777 in 龙泉驿区 (SampleService.PLACES): the city's supervisor sees it.

        JsonNode found = http.as(TestUser.of("supervisor")).get("/api/audit?grievanceId=HY-20261122-000777").json();
        assertThat(found.get("total").asLong()).isEqualTo(1);
        JsonNode entry = found.get("entries").get(0);
        assertThat(entry.get("kind").asString()).isEqualTo("PERSONAL_DATA_READ");
        assertThat(entry.get("actor").asString()).isEqualTo(agent.username());
        assertThat(entry.get("actorOrg").asString()).isEqualTo("org-hotline-12345");
        assertThat(entry.get("fields").get(0).asString()).isEqualTo("mobile");
        assertThat(entry.get("reason").asString()).isEqualTo("回访联系");
        assertThat(entry.get("at").asString()).isNotBlank();

        HttpJson.Response csv = http.as(TestUser.of("admin")).get("/api/audit/export?grievanceId=HY-20261122-000777");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFat,kind,action,grievanceId,actor")
            .contains("PERSONAL_DATA_READ,personal-data.read,HY-20261122-000777," + agent.username());
        JsonNode exports = http.as(TestUser.of("supervisor")).get("/api/audit?kind=EXPORT").json();
        assertThat(exports.get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(http.as(agent).get("/api/audit").status()).isEqualTo(403);
    }

    @Test
    void theActuatorBeyondProbesAndMetricsIsForAdministrators() {
        HttpJson http = HttpJson.at(port);

        assertThat(http.get("/actuator/access").status()).isEqualTo(401);
        assertThat(http.as(clerk).get("/actuator/access").status()).isEqualTo(403);
        assertThat(http.as(TestUser.of("admin")).get("/actuator/access").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
