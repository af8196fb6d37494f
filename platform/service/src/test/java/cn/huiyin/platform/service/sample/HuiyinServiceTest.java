package cn.huiyin.platform.service.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.beans.factory.annotation.Autowired;

/** What every service gets from the platform: its name, its own config file, defaults, health and metrics. */
@ServiceTest
class HuiyinServiceTest {

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Value("${sample.greeting}")
    String greeting;

    @AfterEach
    void reset() {
        SampleService.SWITCH.set(Status.UP);
    }

    @Test
    void theServiceIsNamedByItsAnnotationAndReadsItsOwnFile() {
        assertThat(environment.getProperty("spring.application.name")).isEqualTo("sample");
        assertThat(greeting).isEqualTo("你好");
        assertThat(environment.getProperty("huiyin.messaging.source")).isEqualTo("/huiyin/sample");
        assertThat(environment.getProperty("spring.cloud.stream.default.group")).isEqualTo("sample");
    }

    @Test
    void readinessIs503WhenAComponentIsDownAnd200WhenOnlyDegraded() {
        HttpJson http = HttpJson.at(port);

        HttpJson.Response up = http.get("/actuator/health/readiness");
        SampleService.SWITCH.set(new Status("DEGRADED"));
        HttpJson.Response degraded = http.get("/actuator/health/readiness");
        SampleService.SWITCH.set(Status.DOWN);
        HttpJson.Response down = http.get("/actuator/health/readiness");
        SampleService.SWITCH.set(Status.OUT_OF_SERVICE);
        HttpJson.Response outOfService = http.get("/actuator/health/readiness");

        assertThat(up.status()).isEqualTo(200);
        assertThat(up.json().at("/components/mongo/status").asString()).isEqualTo("UP");
        assertThat(up.json().at("/components/kafka/status").asString()).isEqualTo("UP");
        assertThat(degraded.status()).isEqualTo(200);
        assertThat(degraded.json().get("status").asString()).isEqualTo("DEGRADED");
        assertThat(down.status()).isEqualTo(503);
        assertThat(outOfService.status()).isEqualTo(503);
    }

    @Test
    void livenessDoesNotDependOnKafkaOrMongo() {
        SampleService.SWITCH.set(Status.DOWN);

        HttpJson.Response liveness = HttpJson.at(port).get("/actuator/health/liveness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("components").propertyNames()).containsExactly("livenessState");
    }

    @Test
    void prometheusMetricsAndTheOpenApiDocumentAreServed() {
        HttpJson http = HttpJson.at(port);

        HttpJson.Response metrics = http.get("/actuator/prometheus");
        HttpJson.Response openApi = http.get("/v3/api-docs");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"sample\"");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().get("openapi").asString()).startsWith("3.");
    }

    @Test
    void anUnknownAddressAndAWrongMethodAreBilingualProblems() {
        HttpJson http = HttpJson.at(port);

        HttpJson.Response unknown = http.get("/no/such/thing");
        HttpJson.Response wrongMethod = http.delete("/actuator/health/readiness");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.json().get("title").asString()).isEqualTo("未找到");
        assertThat(unknown.json().get("titleEn").asString()).isEqualTo("Not found");
        assertThat(wrongMethod.status()).isIn(404, 405);
    }

    @Test
    void addressesTomcatRejectsBeforeSpringAreBilingualProblemsToo() throws Exception {
        for (String path : new String[] {"/api/things/%00", "/api/things/a%2Fb", "/api/things/%ZZ", "/api/%C0%AF"}) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

                assertThat(answer).as(path).startsWith("HTTP/1.1 400").contains("Content-Type: application/problem+json")
                    .contains("\"title\":\"请求有误\"", "\"titleEn\":\"Bad request\"", "Malformed request")
                    .doesNotContain("<html", "Exception");
            }
        }
    }
}
