package cn.huiyin.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for one of the console's remote services: it answers each {@code METHOD path?query}
 * with the status and JSON it was given, and keeps every request it received (method, path, If-Match, body).
 */
final class StandInService implements AutoCloseable {

    record Received(String method, String path, String ifMatch, String authorization, String body) {
    }

    private record Reply(int status, String json) {
    }

    private final HttpServer server;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();

    StandInService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), target,
                exchange.getRequestHeaders().getFirst("If-Match"), exchange.getRequestHeaders().getFirst("Authorization"),
                body));
            Reply reply = replies.getOrDefault(exchange.getRequestMethod() + " " + target,
                replies.getOrDefault(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + "?*",
                    new Reply(404, "{\"title\":\"没有\",\"titleEn\":\"Not found\"}")));
            byte[] bytes = reply.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", reply.status() >= 400 ? "application/problem+json"
                : "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    StandInService answer(String methodAndPath, int status, String json) {
        replies.put(methodAndPath, new Reply(status, json));
        return this;
    }

    /** Answers {@code METHOD path} whatever its query string. */
    StandInService answerAnyQuery(String methodAndPath, int status, String json) {
        return answer(methodAndPath + "?*", status, json);
    }

    /** The last request to {@code methodAndPath}. */
    Received last(String methodAndPath) {
        for (int i = received.size() - 1; i >= 0; i--) {
            Received r = received.get(i);
            if ((r.method() + " " + r.path()).equals(methodAndPath)) {
                return r;
            }
        }
        throw new AssertionError("never received " + methodAndPath + "; received " + received);
    }

    void reset() {
        replies.clear();
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
