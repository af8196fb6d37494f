package cn.huiyin.notifications.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.huiyin.notifications.application.MessageChannel;
import cn.huiyin.notifications.domain.DeliveryStatus;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SMS provider adapter against a real HTTP server that plays the provider (the JDK's HttpServer on a free port):
 * what is posted and signed, and how each answer is taken — success, a permanent refusal, a transient error, a
 * provider too slow to answer, and a provider that keeps failing (the circuit opens).
 */
class HttpSmsGatewayTest {

    private static final JsonMapper JSON = new JsonMapper();
    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    private static final String SECRET = "test-secret-of-the-provider";

    private HttpServer provider;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Answer answer;

    private record Received(String authorization, String date, JsonNode body, String raw) {
    }

    private interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    @BeforeEach
    void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/sms/send", exchange -> {
            String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("X-Huiyin-Date"), JSON.readTree(raw), raw));
            answer.answer(exchange);
        });
        provider.start();
    }

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    private static Answer json(int status, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        };
    }

    private HttpSmsGateway gateway() {
        return new HttpSmsGateway(new HttpSmsGateway.Settings(
            URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/sms/send"), "test-key-id", SECRET,
            "回音", Duration.ofMillis(800), Map.of("WORKER_ACCEPTED", "SMS_480125001"),
            Set.of("isv.MOBILE_NUMBER_ILLEGAL", "isv.SMS_TEMPLATE_ILLEGAL")), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static MessageChannel.Outgoing accepted(String id) {
        return new MessageChannel.Outgoing(id + "/worker/WORKER_ACCEPTED", "13800138000", "已受理",
            "【回音】您的诉求已受理，编号HY-20261122-000105。", "Accepted: HY-20261122-000105.", 1, "WORKER_ACCEPTED",
            Map.of("trackingNumber", "HY-20261122-000105"));
    }

    @Test
    void anOkFromTheProviderIsSentAndTheRequestCarriesTemplateParametersAndASignature() throws Exception {
        answer = json(200, "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746936498440^0\",\"RequestId\":\"r-1\"}");

        assertThat(gateway().send(accepted("evt-1"))).isEqualTo(DeliveryStatus.SENT);

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.body().path("signName").asString()).isEqualTo("回音");
            assertThat(request.body().path("templateCode").asString()).isEqualTo("SMS_480125001");
            assertThat(request.body().path("phoneNumbers").asString()).isEqualTo("13800138000");
            assertThat(request.body().path("outId").asString()).isEqualTo("evt-1/worker/WORKER_ACCEPTED");
            assertThat(request.body().path("templateParam").path("trackingNumber").asString())
                .isEqualTo("HY-20261122-000105");
            assertThat(request.date()).isEqualTo(NOW.toString());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((NOW + "\n" + request.raw()).getBytes(StandardCharsets.UTF_8)));
            assertThat(request.authorization()).isEqualTo("HMAC-SHA256 Credential=test-key-id, Signature=" + expected);
        });
    }

    @Test
    void aMalformedNumberIsRefusedForGoodAndDoesNotOpenTheCircuit() {
        answer = json(200, "{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\",\"Message\":\"非法手机号\"}");
        HttpSmsGateway gateway = gateway();

        for (int i = 0; i < 8; i++) {
            String id = "evt-bad-" + i;
            assertThatThrownBy(() -> gateway.send(accepted(id)))
                .isInstanceOfSatisfying(MessageChannel.Rejected.class,
                    rejected -> assertThat(rejected.code()).isEqualTo("isv.MOBILE_NUMBER_ILLEGAL"));
        }
        assertThat(gateway.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(received).hasSize(8);
    }

    @Test
    void flowControlAndServerErrorsAreTriedAgainLater() {
        HttpSmsGateway gateway = gateway();
        answer = json(200, "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发流控\"}");
        assertThatThrownBy(() -> gateway.send(accepted("evt-2"))).isInstanceOf(MessageChannel.Unavailable.class);
        answer = json(503, "{\"Code\":\"isp.SYSTEM_ERROR\"}");
        assertThatThrownBy(() -> gateway.send(accepted("evt-3"))).isInstanceOf(MessageChannel.Unavailable.class);
        answer = json(502, "<html>bad gateway</html>");
        assertThatThrownBy(() -> gateway.send(accepted("evt-4"))).isInstanceOf(MessageChannel.Unavailable.class);
        answer = json(200, "{\"Code\":\"OK\"}");
        assertThat(gateway.send(accepted("evt-2"))).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void aProviderTooSlowToAnswerTimesOutAndIsTriedAgainLater() {
        answer = exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            json(200, "{\"Code\":\"OK\"}").answer(exchange);
        };
        assertThatThrownBy(() -> gateway().send(accepted("evt-5")))
            .isInstanceOf(MessageChannel.Unavailable.class).hasMessageContaining("did not answer within PT0.8S");
    }

    @Test
    void aProviderThatKeepsFailingIsNoLongerCalledUntilTheCircuitWaitsOut() {
        answer = json(500, "{\"Code\":\"isp.SYSTEM_ERROR\"}");
        HttpSmsGateway gateway = gateway();
        for (int i = 0; i < 5; i++) {
            String id = "evt-down-" + i;
            assertThatThrownBy(() -> gateway.send(accepted(id))).isInstanceOf(MessageChannel.Unavailable.class);
        }
        assertThat(gateway.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThatThrownBy(() -> gateway.send(accepted("evt-down-6")))
            .isInstanceOf(MessageChannel.Unavailable.class).hasMessageContaining("circuit open");
        assertThat(received).as("an open circuit does not call the provider").hasSize(5);
    }

    @Test
    void withoutCredentialsTheProviderIsNotStarted() {
        assertThatThrownBy(() -> new HttpSmsGateway(new HttpSmsGateway.Settings(URI.create("http://127.0.0.1:1/"),
            "", "", "回音", Duration.ofSeconds(1), Map.of(), Set.of()), Clock.fixed(NOW, ZoneOffset.UTC)))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("HUIYIN_SMS_ACCESS_KEY_ID");
    }
}
