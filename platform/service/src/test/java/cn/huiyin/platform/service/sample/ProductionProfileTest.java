package cn.huiyin.platform.service.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.InfrastructureInitializer;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile: no start on a missing secret or a demo value, and health details and metrics only for those
 * with a token.
 */
class ProductionProfileTest {

    @Test
    void aMissingSecretStopsStartUpNamingIt() {
        assertThatThrownBy(() -> production("huiyin.security.required-secrets=sample.secret").run())
            .hasMessageContaining("production profile").hasMessageContaining("sample.secret is not set");
    }

    @Test
    void aDemoValueStopsStartUpWhereverItComesFrom() {
        assertThatThrownBy(() -> production("huiyin.security.required-secrets=sample.secret",
            "sample.secret=DEMO-ONLY-sample-secret-change-me").run())
            .hasMessageContaining("sample.secret still has a demo value");
        assertThatThrownBy(() -> production("huiyin.security.required-secrets=sample.secret", "sample.secret=real-1",
            "huiyin.messaging.client.sasl.jaas.config=ScramLoginModule required password=\"demo_only_x\";").run())
            .hasMessageContaining("huiyin.messaging.client.sasl.jaas.config still has a demo value");
    }

    @Test
    void inProductionHealthDetailsAndMetricsAreNotPublic() {
        try (ConfigurableApplicationContext context = production("huiyin.security.required-secrets=sample.secret",
            "sample.secret=8f2c1e0b7a6d4c3b2a19").initializers(new InfrastructureInitializer()).run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpJson anonymous = HttpJson.at(port);

            HttpJson.Response health = anonymous.get("/actuator/health");
            HttpJson.Response readiness = anonymous.get("/actuator/health/readiness");

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().has("components")).isFalse();
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.json().has("components")).as(readiness.body()).isFalse();
            assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
            assertThat(anonymous.as(TestUser.of("supervisor")).get("/actuator/prometheus").status()).isEqualTo(403);
            assertThat(anonymous.as(TestUser.of("admin")).get("/actuator/prometheus").status()).isEqualTo(200);
            assertThat(anonymous.as(TestUser.of("admin")).get("/actuator/health").json().has("components")).isTrue();
        }
    }

    private static SpringApplicationBuilder production(String... properties) {
        return new SpringApplicationBuilder(SampleService.class).profiles("production")
            .properties("server.port=0").properties(properties);
    }
}
