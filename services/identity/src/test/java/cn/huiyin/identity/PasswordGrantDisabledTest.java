package cn.huiyin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.JsonNode;

/** With {@code huiyin.identity.password-grant-enabled=false} the DEMO-ONLY password grant is gone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=identity", "huiyin.identity.password-grant-enabled=false"})
class PasswordGrantDisabledTest {

    static final Path KEY_DIR = IdentityServerTest.tempDir();

    @DynamicPropertySource
    static void keyFile(DynamicPropertyRegistry registry) {
        registry.add("huiyin.identity.key-file", () -> KEY_DIR.resolve("signing-key.json").toString());
    }

    @AfterAll
    static void deleteKeyFile() {
        FileSystemUtils.deleteRecursively(KEY_DIR.toFile());
    }

    @LocalServerPort
    int port;

    @Test
    void thePasswordGrantIsUnsupported() {
        Http http = new Http(port);

        HttpResponse<String> response = http.passwordGrant("window-clerk", "demo-only-window-clerk");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).path("error").asString()).isEqualTo("unsupported_grant_type");
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void discoveryNoLongerAdvertisesIt() {
        JsonNode discovery = Http.json(new Http(port).get("/.well-known/openid-configuration"));

        assertThat(discovery.path("grant_types_supported").valueStream().map(JsonNode::asString).toList())
                .contains("client_credentials")
                .doesNotContain("password");
    }

    @Test
    void clientCredentialsStillWork() {
        HttpResponse<String> response = new Http(port).postForm("/oauth2/token",
                Http.form("grant_type", "client_credentials"),
                "Authorization", Http.basic("huiyin-services", "demo-only-services-secret"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(response).path("access_token").asString()).isNotBlank();
    }
}
