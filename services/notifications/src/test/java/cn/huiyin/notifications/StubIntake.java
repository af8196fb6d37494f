package cn.huiyin.notifications;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Intake's notification-contact endpoint and the identity service's token endpoint as notifications calls them, over
 * a real socket: a client-credentials token for {@code huiyin-services}, then the worker's mobile and consent by
 * grievance id for that token only. Tests say which worker has which mobile and when intake is down.
 */
final class StubIntake {

    static final String CLIENT_SECRET = "stub-services-secret";
    private static final String TOKEN = "stub-service-token";
    private static StubIntake instance;

    private final HttpServer server;
    private final Map<String, String> mobiles = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private final Map<String, String> queryCodes = new ConcurrentHashMap<>();
    private final Map<String, Integer> wrongTries = new ConcurrentHashMap<>();
    private final List<String> lookupClients = new CopyOnWriteArrayList<>();
    /** Wrong codes for one tracking number before the lock-out answers 429 (ADR 0021 has intake's own figures). */
    static final int LOCK_OUT_AFTER = 5;

    private StubIntake() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/oauth2/token", this::token);
        server.createContext("/api/internal/grievances/", this::contact);
        server.createContext("/api/public/grievances/lookup", this::lookup);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    static synchronized StubIntake get() {
        if (instance == null) {
            instance = new StubIntake();
        }
        return instance;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void worker(String grievanceId, String mobile) {
        mobiles.put(grievanceId, mobile);
    }

    void down(boolean isDown) {
        down = isDown;
    }

    /** The query code on the worker's receipt. */
    void queryCode(String grievanceId, String code) {
        queryCodes.put(grievanceId, code);
    }

    /** The client addresses intake's self-service lookup was asked for (X-Forwarded-For), in order. */
    List<String> lookupClients() {
        return List.copyOf(lookupClients);
    }

    /** Grievance ids intake was asked about, in order. */
    List<String> asked() {
        return List.copyOf(asked);
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString(("huiyin-services:" + CLIENT_SECRET)
            .getBytes(StandardCharsets.UTF_8));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
            || !body.contains("grant_type=client_credentials")) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        answer(exchange, 200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":900}");
    }

    private void contact(HttpExchange exchange) throws IOException {
        if (down) {
            answer(exchange, 503, "{}");
            return;
        }
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String id = path.substring("/api/internal/grievances/".length(), path.indexOf("/notification-contact"));
        asked.add(id);
        String mobile = mobiles.get(id);
        if (mobile == null) {
            answer(exchange, 404, "{}");
            return;
        }
        answer(exchange, 200, "{\"grievanceId\":\"" + id + "\",\"mobile\":\"" + mobile + "\"}");
    }

    /** Intake's self-service lookup: 200 for the right number and code, 404 otherwise, 429 after too many wrong. */
    private void lookup(HttpExchange exchange) throws IOException {
        lookupClients.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Forwarded-For")));
        var body = NotificationsKit.JSON.readTree(exchange.getRequestBody().readAllBytes());
        String tracking = body.path("trackingNumber").asString();
        if (wrongTries.getOrDefault(tracking, 0) >= LOCK_OUT_AFTER) {
            exchange.getResponseHeaders().add("Retry-After", "900");
            answer(exchange, 429, "{}");
            return;
        }
        String code = queryCodes.get(tracking);
        if (code != null && code.equals(body.path("queryCode").asString())) {
            answer(exchange, 200, "{\"status\":\"IN_PROGRESS\"}");
            return;
        }
        wrongTries.merge(tracking, 1, Integer::sum);
        answer(exchange, 404, "{}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
