package cn.huiyin.console.remote;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import cn.huiyin.console.ConsoleProperties;
import cn.huiyin.console.application.Answer;
import cn.huiyin.console.application.Service;
import cn.huiyin.console.application.ServiceUnavailable;
import cn.huiyin.console.application.Services;
import cn.huiyin.console.application.SignInRequired;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services over HTTP: each call has a time-out, and each service a circuit breaker, so a service that is down
 * costs a page one short wait and then nothing until it is back. Client errors (4xx) are answers, not failures.
 */
public class HttpServices implements Services {

    private static final JsonMapper JSON = new JsonMapper();

    private final HttpClient http;
    private final Map<Service, String> baseUrls = new EnumMap<>(Service.class);
    private final Map<Service, CircuitBreaker> breakers = new EnumMap<>(Service.class);
    private final RelayedToken token;
    private final Duration timeout;

    public HttpServices(ConsoleProperties properties, RelayedToken token) {
        this.token = token;
        this.timeout = properties.callTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ConsoleProperties.Services urls = properties.services();
        baseUrls.put(Service.INTAKE, urls.intake());
        baseUrls.put(Service.TRIAGE, urls.triage());
        baseUrls.put(Service.JOINT_MEETING, urls.jointMeeting());
        baseUrls.put(Service.FOLLOW_UP, urls.followUp());
        baseUrls.put(Service.DASHBOARD, urls.dashboard());
        baseUrls.put(Service.NOTIFICATIONS, urls.notifications());
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
            .slidingWindowSize(10).minimumNumberOfCalls(4).failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(10)).permittedNumberOfCallsInHalfOpenState(2)
            .ignoreExceptions(SignInRequired.class)
            .build();
        for (Service service : Service.values()) {
            breakers.put(service, CircuitBreaker.of("console-" + service.name().toLowerCase(), config));
        }
    }

    @Override
    public Answer get(Service service, String path) {
        return answer(service, () -> request(service, path).GET());
    }

    @Override
    public Answer post(Service service, String path, Object jsonBody) {
        return answer(service, () -> json(request(service, path), "POST", jsonBody));
    }

    @Override
    public Answer postWithKey(Service service, String path, Object jsonBody, String idempotencyKey) {
        return answer(service, () -> {
            HttpRequest.Builder request = request(service, path);
            if (idempotencyKey != null && !idempotencyKey.isBlank()) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            return json(request, "POST", jsonBody);
        });
    }

    @Override
    public Answer put(Service service, String path, Object jsonBody) {
        return answer(service, () -> json(request(service, path), "PUT", jsonBody));
    }

    @Override
    public Answer sendIfMatch(Service service, String method, String path, Object jsonBody, String version) {
        return answer(service, () -> {
            HttpRequest.Builder request = request(service, path);
            if (version != null && !version.isBlank()) {
                request.header("If-Match", "\"" + version.strip().replace("\"", "") + "\"");
            }
            return json(request, method, jsonBody);
        });
    }

    @Override
    public Answer upload(Service service, String path, String fileName, String contentType, byte[] content) {
        return answer(service, () -> {
            String boundary = "huiyin-" + UUID.randomUUID();
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName.replaceAll("[\"\\r\\n]", "_") + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            return request(service, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                    HttpRequest.BodyPublishers.ofByteArray(content),
                    HttpRequest.BodyPublishers.ofByteArray(tail)));
        });
    }

    @Override
    public Answer postAnonymously(Service service, String path, Object jsonBody, Map<String, String> headers) {
        return answer(service, () -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(service, path)).timeout(timeout);
            headers.forEach(request::header);
            return json(request, "POST", jsonBody);
        });
    }

    @Override
    public Download download(Service service, String path) {
        HttpResponse<byte[]> response = call(service, () -> request(service, path).GET(),
            HttpResponse.BodyHandlers.ofByteArray());
        return new Download(response.statusCode(),
            response.headers().firstValue("Content-Type").orElse("application/octet-stream"), response.body());
    }

    private HttpRequest.Builder request(Service service, String path) {
        return HttpRequest.newBuilder(uri(service, path)).timeout(timeout)
            .header("Authorization", "Bearer " + token.current())
            .header("Accept", "application/json, application/problem+json");
    }

    private static HttpRequest.Builder json(HttpRequest.Builder request, String method, Object body) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
    }

    private URI uri(Service service, String path) {
        return URI.create(baseUrls.get(service).replaceAll("/+$", "") + path);
    }

    private Answer answer(Service service, Supplier<HttpRequest.Builder> request) {
        HttpResponse<String> response = call(service, request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String body = response.body();
        Object parsed = body == null || body.isBlank() ? Map.of() : parse(body);
        return new Answer(response.statusCode(), parsed);
    }

    private static Object parse(String body) {
        try {
            return JSON.readValue(body, Object.class);
        } catch (RuntimeException notJson) {
            return Map.of("text", body);
        }
    }

    private <T> HttpResponse<T> call(Service service, Supplier<HttpRequest.Builder> request,
                                     HttpResponse.BodyHandler<T> handler) {
        CircuitBreaker breaker = breakers.get(service);
        HttpResponse<T> response;
        try {
            response = breaker.executeCallable(() -> {
                HttpResponse<T> r = http.send(request.get().build(), handler);
                if (r.statusCode() >= 500) {
                    throw new ServerError(r.statusCode());
                }
                return r;
            });
        } catch (CallNotPermittedException open) {
            throw new ServiceUnavailable(service, "circuit open", open);
        } catch (SignInRequired e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable(service, "interrupted", e);
        } catch (IOException | ServerError e) {
            throw new ServiceUnavailable(service, e.toString(), e);
        } catch (Exception e) {
            throw new ServiceUnavailable(service, e.toString(), e);
        }
        if (response.statusCode() == 401) {
            throw new SignInRequired(service + " refused the token");
        }
        return response;
    }

    /** A 5xx answer: counted by the circuit breaker as a failure. */
    private static final class ServerError extends Exception {
        ServerError(int status) {
            super("answered " + status);
        }
    }
}
