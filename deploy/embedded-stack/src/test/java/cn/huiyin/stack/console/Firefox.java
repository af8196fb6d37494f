package cn.huiyin.stack.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's headless Firefox ESR driven over WebDriver BiDi, the W3C protocol Firefox speaks natively: no geckodriver
 * (Debian does not package it and this network cannot download it). Just what the journeys need: open a page, run a
 * script in it, wait, resize, screenshot (target/screenshots).
 */
final class Firefox implements AutoCloseable {

    static final Path FIREFOX = Path.of(System.getenv().getOrDefault("HUIYIN_FIREFOX", "/usr/bin/firefox-esr"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Pattern LISTENING = Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
    private static final Duration CALL_LIMIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final Process process;
    private final WebSocket socket;
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final String context;

    Firefox(String base) throws IOException, InterruptedException {
        this.base = base.replaceAll("/+$", "");
        Path profile = Files.createTempDirectory("huiyin-firefox");
        // Chinese first, as the console's users read it; nothing of Mozilla's own traffic on a closed network.
        Files.writeString(profile.resolve("user.js"), """
            user_pref("intl.accept_languages", "zh-CN, zh, en");
            user_pref("browser.shell.checkDefaultBrowser", false);
            user_pref("datareporting.policy.dataSubmissionEnabled", false);
            user_pref("app.update.disabledForTesting", true);
            user_pref("browser.safebrowsing.update.enabled", false);
            """);
        process = new ProcessBuilder(FIREFOX.toString(), "--headless", "--no-remote", "--profile", profile.toString(),
            "--remote-debugging-port=0").redirectErrorStream(true).start();
        String address = listeningAddress(process);
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
            .buildAsync(URI.create(address + "/session"), new Replies()).join();
        send("session.new", Map.of("capabilities", Map.of()));
        context = send("browsingContext.getTree", Map.of()).at("/contexts/0/context").asString();
    }

    static boolean installed() {
        return Files.isExecutable(FIREFOX);
    }

    void open(String path) {
        send("browsingContext.navigate", Map.of("context", context, "url", base + path, "wait", "complete"));
    }

    /** The value of a script expression in the page: strings, numbers and booleans. */
    String evaluate(String expression) {
        JsonNode reply = send("script.evaluate", Map.of("expression", expression,
            "target", Map.of("context", context), "awaitPromise", true));
        if (!"success".equals(reply.path("type").asString())) {
            throw new IllegalStateException("The page's script failed: " + reply);
        }
        JsonNode value = reply.at("/result/value");
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    boolean present(String css) {
        return Boolean.parseBoolean(evaluate("document.querySelector(" + quoted(css) + ") !== null"));
    }

    String text(String css) {
        return evaluate("document.querySelector(" + quoted(css) + ").innerText.trim()");
    }

    /** Sets a field as typing would, so the page's input handlers run. */
    void type(String css, String value) {
        evaluate("(() => { const e = document.querySelector(" + quoted(css) + "); e.focus(); e.value = " + quoted(value)
            + "; e.dispatchEvent(new Event('input', {bubbles: true})); return true; })()");
    }

    void click(String css) {
        evaluate("document.querySelector(" + quoted(css) + ").click(), true");
    }

    /** Submits the field's form as pressing Enter in it would (the form's own checks first). */
    void submit(String css) {
        evaluate("document.querySelector(" + quoted(css) + ").form.requestSubmit(), true");
    }

    /** Waits until the condition holds; a page between two documents counts as not yet. */
    void waitFor(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException navigating) {
                // The document was replaced while the script ran: ask again.
            }
            sleep(Duration.ofMillis(300));
        }
        screenshot("firefox-timeout");
        throw new AssertionError("Waited " + limit.toSeconds() + " s in Firefox on " + evaluate("location.href")
            + ", which shows:\n" + evaluate("document.body.innerText.slice(0, 1500)"));
    }

    void resize(int width, int height) {
        send("browsingContext.setViewport", Map.of("context", context,
            "viewport", Map.of("width", width, "height", height)));
    }

    void screenshot(String name) {
        String png = send("browsingContext.captureScreenshot", Map.of("context", context)).path("data").asString();
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The provider's sign-in form, reached through the console's authorization-code flow. */
    void signIn(String username) {
        open("/");
        waitFor(Duration.ofSeconds(30), () -> present("input[name=username]"));
        type("input[name=username]", username);
        type("input[name=password]", "demo-only-" + username);
        click("button[type=submit]");
        waitFor(Duration.ofSeconds(30), () -> evaluate("location.href").startsWith(base) && present("#signed-in-user"));
    }

    void signOut() {
        click("#sign-out");
        waitFor(Duration.ofSeconds(30), () -> present("#signed-out"));
    }

    @Override
    public void close() throws InterruptedException {
        try {
            send("browser.close", Map.of());
        } catch (RuntimeException alreadyGone) {
            // Closing anyway.
        }
        socket.abort();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private JsonNode send(String method, Map<String, Object> params) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        String command = JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params));
        socket.sendText(command, true).join();
        try {
            JsonNode answer = reply.get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS);
            if ("error".equals(answer.path("type").asString())) {
                throw new IllegalStateException(method + ": " + answer.path("error").asString() + " — "
                    + answer.path("message").asString());
            }
            return answer.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(method, e);
        } finally {
            pending.remove(id);
        }
    }

    /** Collects the text frames of a message and completes the command it answers; events are not needed here. */
    private final class Replies implements WebSocket.Listener {

        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                JsonNode reply = JSON.readTree(message.toString());
                message.setLength(0);
                CompletableFuture<JsonNode> waiting = reply.has("id") ? pending.get(reply.get("id").asLong()) : null;
                if (waiting != null) {
                    waiting.complete(reply);
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    /** Firefox prints where its BiDi server listens; its further output is drained so it never blocks. */
    private static String listeningAddress(Process process) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }), "firefox-output");
                drain.setDaemon(true);
                drain.start();
                return matcher.group(1);
            }
        }
        throw new IllegalStateException("Firefox exited before its WebDriver BiDi server listened");
    }

    private static String quoted(String text) {
        return JSON.writeValueAsString(text);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
