package cn.huiyin.notifications.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import cn.huiyin.notifications.application.WorkerContacts;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks intake for the worker's mobile ({@code GET /api/internal/grievances/{id}/notification-contact},
 * SERVICE role only, audited by intake) with a client-credentials token of {@code huiyin-services}. The answer is used
 * for one delivery and never stored. Behind a circuit breaker: while intake is down, deliveries wait and retry
 * instead of piling requests on it.
 */
public class IntakeWorkerContacts implements WorkerContacts {

    private static final JsonMapper JSON = new JsonMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String intakeUrl;
    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final CircuitBreaker breaker = CircuitBreaker.of("intake-contacts", CircuitBreakerConfig.custom()
        .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofSeconds(10)).build());
    private volatile String token;
    private volatile Instant tokenExpires = Instant.MIN;

    public IntakeWorkerContacts(String intakeUrl, String tokenUrl, String clientId, String clientSecret, Clock clock) {
        this.intakeUrl = intakeUrl.replaceAll("/+$", "");
        this.tokenUrl = URI.create(tokenUrl);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    @Override
    public Optional<String> mobile(String grievanceId) {
        try {
            return breaker.executeSupplier(() -> ask(grievanceId));
        } catch (CallNotPermittedException open) {
            throw new Unavailable("Intake's contact endpoint is failing; circuit open", open);
        }
    }

    private Optional<String> ask(String grievanceId) {
        URI uri = URI.create(intakeUrl + "/api/internal/grievances/"
            + URLEncoder.encode(grievanceId, StandardCharsets.UTF_8) + "/notification-contact");
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
            .header("Authorization", "Bearer " + token()).GET().build());
        if (response.statusCode() == 401) {
            tokenExpires = Instant.MIN;
        }
        return switch (response.statusCode()) {
            case 200 -> Optional.of(JSON.readTree(response.body()).path("mobile").asString(""));
            case 404 -> Optional.empty();
            default -> throw new Unavailable("Intake answered " + response.statusCode(), null);
        };
    }

    private String token() {
        if (token != null && clock.instant().isBefore(tokenExpires)) {
            return token;
        }
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
            .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(tokenUrl).timeout(Duration.ofSeconds(5))
            .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        if (response.statusCode() != 200) {
            throw new Unavailable("The identity service refused a token: " + response.statusCode(), null);
        }
        JsonNode body = JSON.readTree(response.body());
        token = body.path("access_token").asString();
        long seconds = body.path("expires_in").asLong(60);
        tokenExpires = clock.instant().plusSeconds(Math.max(0, seconds - 30));
        return token;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unavailable("No answer from " + request.uri().getHost(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted", e);
        }
    }
}
