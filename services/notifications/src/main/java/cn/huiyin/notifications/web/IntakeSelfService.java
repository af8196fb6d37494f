package cn.huiyin.notifications.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import cn.huiyin.notifications.application.WorkerVerification;
import cn.huiyin.platform.service.ratelimit.TooManyRequestsException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies a worker through intake's self-service lookup ({@code POST /api/public/grievances/lookup}), which keeps the
 * secret and locks out guessing per client: the worker's address goes along as {@code X-Forwarded-For}, so intake's
 * limits count the worker, not notifications. Only the answer's status is used; nothing it returns is kept.
 */
public class IntakeSelfService implements WorkerVerification {

    private static final JsonMapper JSON = new JsonMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI lookup;

    public IntakeSelfService(String intakeUrl) {
        this.lookup = URI.create(intakeUrl.replaceAll("/+$", "") + "/api/public/grievances/lookup");
    }

    @Override
    public boolean isWorker(String trackingNumber, String queryCode, String clientAddress) {
        String body = JSON.createObjectNode().put("trackingNumber", trackingNumber).put("queryCode", queryCode)
            .toString();
        HttpRequest request = HttpRequest.newBuilder(lookup).timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json").header("X-Forwarded-For", clientAddress)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new Unavailable("Intake's self-service lookup did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted while asking intake", e);
        }
        return switch (response.statusCode()) {
            case 200 -> true;
            case 400, 404 -> false;
            case 429 -> throw new TooManyRequestsException(Duration.ofSeconds(response.headers()
                .firstValueAsLong("Retry-After").orElse(60)));
            default -> throw new Unavailable("Intake's lookup answered " + response.statusCode(), null);
        };
    }
}
