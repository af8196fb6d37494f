package cn.huiyin.platform.service.sample;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huiyin.platform.test.AccessMatrix;
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
    void theAccessMatrixHoldsForEveryEndpointAndRole() {
        AccessMatrix.Result result = AccessMatrix.probe(port);

        assertThat(result.endpoints()).isEqualTo(2);
        assertThat(result.probes()).isEqualTo(2 * (1 + TestUser.ALL_ROLES.size()));
        assertThat(result.violations()).isEmpty();
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
