package cn.huiyin.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One service of the stack in a JVM of its own, with its output in {@code data/logs/<name>.log}. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final StackLayout.ServiceSpec spec;
    private final Path log;
    private Process process;

    ServiceProcess(StackLayout.ServiceSpec spec, Path logDir) {
        this.spec = spec;
        this.log = logDir.resolve(spec.name() + ".log");
    }

    void start(StackLayout layout) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(layout.serviceJvmOptions().trim().split("\\s+")));
        command.addAll(List.of("-jar", spec.jar(layout.home()).toString(),
            "--server.port=" + spec.port(),
            "--huiyin.messaging.bootstrap-servers=" + layout.kafkaBootstrap(),
            "--huiyin.mongodb.uri=" + layout.mongoUri(),
            // The service exits if this launcher dies without stopping it (killed, crashed).
            "--huiyin.embedded.parent-pid=" + ProcessHandle.current().pid()));
        if (spec.name().equals("identity")) {
            // The provider's signing key lives with the rest of the stack's data, so tokens survive restarts.
            command.add("--huiyin.identity.key-file=" + layout.dataDir().resolve("identity").resolve("signing-key.json"));
            command.add("--huiyin.identity.issuer=" + layout.identityIssuer());
        } else {
            command.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + layout.identityIssuer());
        }
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    }

    /** True once readiness answers 200 (MongoDB reachable; Kafka reachable or the service degraded but serving). */
    boolean isReady() {
        if (process == null || !process.isAlive()) {
            return false;
        }
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Asks the service to stop (SIGTERM: Spring finishes requests in flight), then insists after the grace period. */
    void stop(Duration grace) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    String name() {
        return spec.name();
    }

    String url() {
        return "http://127.0.0.1:" + spec.port();
    }

    Path log() {
        return log;
    }

    /** The last lines of the service's log, to show why it did not come up. */
    List<String> tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }
}
