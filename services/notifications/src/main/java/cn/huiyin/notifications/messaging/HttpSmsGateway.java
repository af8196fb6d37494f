package cn.huiyin.notifications.messaging;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.huiyin.notifications.application.MessageChannel;
import cn.huiyin.notifications.domain.Channel;
import cn.huiyin.notifications.domain.DeliveryStatus;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An SMS provider over HTTP, shaped like the Chinese cloud SMS APIs (Aliyun {@code SendSms}, Tencent {@code SendSms}):
 * one POST of JSON with the registered sign name (签名), the registered template's code, the mobile, the template's
 * parameters and our notification id as {@code outId}; the answer carries a {@code Code}, {@code OK} on success.
 * Credentials come from the environment ({@code HUIYIN_SMS_ACCESS_KEY_ID}, {@code HUIYIN_SMS_ACCESS_KEY_SECRET}); the
 * request is signed with HMAC-SHA256 over the time and the body.
 *
 * <p>What happens on failure: the request has a time-out; a Resilience4j circuit breaker stops calling a provider that
 * keeps failing (calls while it is open fail at once and are retried later by the queue, which owns retries). The
 * provider's answer is mapped: {@code OK} is sent; a code in {@link Settings#permanentCodes()} (a malformed number, a
 * template or signature the provider does not know, a blacklisted number) is a {@link Rejected rejection}, never
 * retried and not counted against the provider's health; any other code, HTTP 429 or 5xx, a time-out or no
 * connection is {@link Unavailable} and retried with back-off.
 */
class HttpSmsGateway implements MessageChannel {

    /** Settings of {@code huiyin.notifications.sms.http}. */
    record Settings(URI url, String accessKeyId, String accessKeySecret, String signName, Duration timeout,
                    Map<String, String> templateCodes, Set<String> permanentCodes) {
    }

    private static final JsonMapper JSON = new JsonMapper();

    private final Settings settings;
    private final Clock clock;
    private final HttpClient http;
    private final CircuitBreaker breaker;

    HttpSmsGateway(Settings settings, Clock clock) {
        if (settings.url() == null || isBlank(settings.accessKeyId()) || isBlank(settings.accessKeySecret())) {
            throw new IllegalStateException("The HTTP SMS provider needs huiyin.notifications.sms.http.url and its "
                + "credentials (HUIYIN_SMS_URL, HUIYIN_SMS_ACCESS_KEY_ID, HUIYIN_SMS_ACCESS_KEY_SECRET)");
        }
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.breaker = CircuitBreaker.of("sms-provider", CircuitBreakerConfig.custom()
            .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(30))
            .ignoreExceptions(Rejected.class).build());
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    @Override
    public DeliveryStatus send(Outgoing message) {
        try {
            return breaker.executeSupplier(() -> call(message));
        } catch (CallNotPermittedException open) {
            throw new Unavailable("The SMS provider keeps failing; circuit open", open);
        }
    }

    private DeliveryStatus call(Outgoing message) {
        ObjectNode body = JSON.createObjectNode()
            .put("signName", settings.signName())
            .put("templateCode", settings.templateCodes().getOrDefault(message.template(), message.template()))
            .put("phoneNumbers", message.address())
            .put("outId", message.notificationId());
        ObjectNode parameters = body.putObject("templateParam");
        message.parameters().forEach(parameters::put);
        String json = body.toString();
        String timestamp = clock.instant().toString();
        HttpRequest request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
            .header("Content-Type", "application/json; charset=utf-8")
            .header("X-Huiyin-Date", timestamp)
            .header("Authorization", "HMAC-SHA256 Credential=" + settings.accessKeyId()
                + ", Signature=" + sign(timestamp + "\n" + json))
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException slow) {
            throw new Unavailable("The SMS provider did not answer within " + settings.timeout(), slow);
        } catch (IOException down) {
            throw new Unavailable("No answer from the SMS provider", down);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted", e);
        }
        return outcome(response);
    }

    private DeliveryStatus outcome(HttpResponse<String> response) {
        String code = codeOf(response.body());
        int status = response.statusCode();
        if (status == 200 && "OK".equals(code)) {
            return DeliveryStatus.SENT;
        }
        if (code != null && settings.permanentCodes().contains(code)) {
            throw new Rejected(code, "The SMS provider refused the message: " + code);
        }
        if (code == null && status == 400) {
            throw new Rejected("HTTP_400", "The SMS provider refused the request (400)");
        }
        // Flow control, the provider's own errors, credentials being rotated: the message waits and is tried again.
        throw new Unavailable("The SMS provider answered " + status + (code == null ? "" : " " + code), null);
    }

    private static String codeOf(String body) {
        try {
            JsonNode answer = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            JsonNode code = answer.has("Code") ? answer.get("Code") : answer.path("code");
            return code.isString() && !code.asString().isBlank() ? code.asString() : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.accessKeySecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
