package cn.huiyin.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests, so they show exactly what goes over the wire: a body as text, headers as given,
 * and the answer's status, headers and JSON.
 */
public final class HttpJson {

    private static final JsonMapper JSON = new JsonMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();

    public HttpJson(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static HttpJson at(int port) {
        return new HttpJson("http://127.0.0.1:" + port);
    }

    /** A client that sends this header with every request (e.g. a bearer token). */
    public HttpJson withHeader(String name, String value) {
        HttpJson copy = new HttpJson(baseUrl);
        copy.defaultHeaders.putAll(defaultHeaders);
        copy.defaultHeaders.put(name, value);
        return copy;
    }

    /** A client that calls as {@code user}, with a valid token from the {@link TestIdentityProvider}. */
    public HttpJson as(TestUser user) {
        return withHeader("Authorization", "Bearer " + TestIdentityProvider.get().token(user));
    }

    /** A client that calls with the given bearer token (valid or not). */
    public HttpJson withToken(String token) {
        return withHeader("Authorization", "Bearer " + token);
    }

    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    public Response get(String path, String... headers) {
        return send(builder(path, headers).GET().build());
    }

    public Response post(String path, String body, String... headers) {
        return send(builder(path, headers).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response postWithContentType(String path, String contentType, byte[] body, String... headers) {
        return send(builder(path, headers).header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public Response put(String path, String body, String... headers) {
        return send(builder(path, headers).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response delete(String path, String... headers) {
        return send(builder(path, headers).DELETE().build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder builder(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        defaultHeaders.forEach(builder::header);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }
}
