package cn.huiyin.followup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Intake's self-service lookup as follow-up calls it ({@code POST /api/public/grievances/lookup}: 200 when the tracking
 * number and the query code match, 404 otherwise), over a real socket, for the worker's own rating. Tests say
 * which digits belong to which grievance; the real intake is another service's test subject.
 */
final class StubIntake {

    private static StubIntake instance;

    private final HttpServer server;
    private final Map<String, String> digits = new ConcurrentHashMap<>();
    private final JsonMapper json = new JsonMapper();

    private StubIntake() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** The worker of {@code trackingNumber} holds the query code {@code queryCode}. */
    void knows(String trackingNumber, String queryCode) {
        digits.put(trackingNumber, queryCode);
    }

    private void lookup(HttpExchange exchange) throws IOException {
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        String expected = digits.get(body.path("trackingNumber").asString(""));
        boolean match = expected != null && expected.equals(body.path("queryCode").asString(""));
        byte[] answer = (match ? "{\"status\":\"RESOLVED\"}" : "{\"code\":\"self-service.no-match\"}")
            .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(match ? 200 : 404, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }
}
