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

    private StubIntake() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/oauth2/token", this::token);
        server.createContext("/api/internal/grievances/", this::contact);
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

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
