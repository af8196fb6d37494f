package cn.huiyin.platform.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import cn.huiyin.platform.service.sample.SampleService;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.TestIdentityProvider;
import cn.huiyin.platform.test.TestInfrastructure;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A store that stops answering (connections open, nothing comes back) degrades a service instead of wedging it:
 * readiness turns DOWN, a request that needs the store gets a 503 problem once its timeout is up, and both recover
 * by themselves when the store answers again.
 */
class HungStoreTest {

    private static FreezingProxy proxy;
    private static ConfigurableApplicationContext service;
    private static HttpJson http;

    @BeforeAll
    static void startTheServiceBehindAProxy() throws Exception {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        URI mongo = URI.create(infrastructure.mongoUri());
        proxy = new FreezingProxy(mongo.getHost(), mongo.getPort());
        service = new SpringApplicationBuilder(SampleService.class).run(
            "--server.port=0",
            "--huiyin.messaging.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
            // directConnection: talk to this address only, never to replica-set members it would advertise.
            "--spring.mongodb.uri=mongodb://127.0.0.1:" + proxy.port() + "/?directConnection=true",
            "--spring.mongodb.database=sample-hung-" + UUID.randomUUID().toString().substring(0, 8),
            "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIdentityProvider.get().issuer());
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        http = HttpJson.at(port);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void aHungStoreTurnsReadinessDownAndRequestsInto503ThenBothRecover() {
        HttpJson agent = http.as(TestUser.of("callback-agent"));
        String contact = "/api/cases/HY-20261202-000001/contact?reason=%E5%9B%9E%E8%AE%BF";
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(agent.get(contact).status()).as("the audited read stores its audit entry").isEqualTo(200);

        proxy.freeze();
        try {
            long start = System.nanoTime();
            HttpJson.Response readiness = http.get("/actuator/health/readiness");
            long readinessMillis = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            HttpJson.Response request = agent.get(contact);
            long requestMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("Hung store: readiness answered %d in %d ms, a request needing the store %d in %d ms%n",
                readiness.status(), readinessMillis, request.status(), requestMillis);

            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().at("/components/mongo/status").asString()).isEqualTo("DOWN");
            assertThat(http.get("/actuator/health/liveness").status()).as("alive: restarting would not help")
                .isEqualTo(200);
            assertThat(request.status()).isEqualTo(503);
            assertThat(request.header("Content-Type")).startsWith("application/problem+json");
            assertThat(request.header("Retry-After")).isNotBlank();
            assertThat(request.json().get("type").asString()).isEqualTo("urn:huiyin:problem:store-unavailable");
            assertThat(request.json().get("detail").asString()).contains("稍后重试");
            assertThat(request.json().get("detailEn").asString()).contains("Try again");
        } finally {
            proxy.thaw();
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
            .until(() -> http.get("/actuator/health/readiness").status() == 200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
            .until(() -> agent.get(contact).status() == 200);
    }
}
