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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A JVM of the stack's services, with its output in {@code data/logs/<name>.log}: one service in a JVM of its own, or
 * several in one ({@link SharedJvm}), ready when every one of them is.
 */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<Integer> ports;
    private final Path log;
    private final List<String> jvm;
    private final JvmImage image;
    private final List<String> arguments;
    private volatile Run run;
    private boolean stopped;

    /** One JVM of this service: a start, whether it was ever ready, and whether it had to be killed. */
    private static final class Run {
        final Process process;
        final long startedAt = System.nanoTime();
        volatile boolean ready;
        volatile boolean forced;

        Run(Process process) {
            this.process = process;
        }
    }

    ServiceProcess(StackLayout.ServiceSpec spec, StackLayout layout, ServiceImage image) {
        this(spec.name(), List.of(spec.port()), layout.logDir().resolve(spec.name() + ".log"),
            jvm(layout.serviceJvmOptions()), image, ServiceArguments.of(spec, layout));
    }

    /** The services of {@code host} in its one JVM, which is ready when all of them are. */
    ServiceProcess(SharedJvm host, StackLayout layout) {
        this(SharedJvm.NAME, host.services().stream().map(StackLayout.ServiceSpec::port).toList(),
            layout.logDir().resolve(SharedJvm.NAME + ".log"), jvm(layout.sharedJvmOptions()), host,
            List.of(host.plan().toString()));
    }

    /** A service started with {@code command}; its readiness is asked on {@code port}, its output goes to {@code log}. */
    ServiceProcess(String name, int port, Path log, List<String> command) {
        this(name, List.of(port), log, command, null, List.of());
    }

    private ServiceProcess(String name, List<Integer> ports, Path log, List<String> jvm, JvmImage image,
                           List<String> arguments) {
        this.name = name;
        this.ports = List.copyOf(ports);
        this.log = log;
        this.jvm = List.copyOf(jvm);
        this.image = image;
        this.arguments = List.copyOf(arguments);
    }

    private static List<String> jvm(String options) {
        List<String> jvm = new ArrayList<>();
        jvm.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        jvm.addAll(List.of(options.trim().split("\\s+")));
        return jvm;
    }

    /** Starts the service (again, after it stopped); its output is appended to its log. Not after {@link #stop}. */
    synchronized void start() throws IOException {
        if (stopped) {
            throw new IOException(name + " is being stopped");
        }
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(jvm);
        ClassDataArchive.Launch launch = image == null ? null : image.launch();
        if (launch != null) {
            command.addAll(launch.arguments());
        }
        command.addAll(arguments);
        Run started = new Run(new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start());
        run = started;
        if (launch != null) {
            // 137: killed (SIGKILL), possibly while the JVM was writing its class-data archive.
            started.process.onExit().thenAccept(p ->
                image.exited(launch, started.ready, !started.forced && p.exitValue() != 137));
        }
    }

    /** Completes with the exit code when the process started last ends. */
    CompletableFuture<Integer> onExit() {
        return run.process.onExit().thenApply(Process::exitValue);
    }

    /** How long the process started last has been running (or ran). */
    Duration uptime() {
        return Duration.ofNanos(System.nanoTime() - run.startedAt);
    }

    /**
     * True once readiness answers 200 on every port (MongoDB reachable; Kafka reachable or the service degraded but
     * serving).
     */
    boolean isReady() {
        Run current = run;
        if (current == null || !current.process.isAlive()) {
            return false;
        }
        try {
            for (int port : ports) {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    return false;
                }
            }
            current.ready = true;
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean isAlive() {
        Run current = run;
        return current != null && current.process.isAlive();
    }

    /** Asks the service to stop (SIGTERM: Spring finishes requests in flight), then insists after the grace period. */
    void stop(Duration grace) {
        Run current;
        synchronized (this) {
            stopped = true;
            current = run;
        }
        if (current == null) {
            return;
        }
        Process process = current.process;
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                current.forced = true;
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.forced = true;
            process.destroyForcibly();
        }
    }

    long pid() {
        Run current = run;
        return current == null ? -1 : current.process.pid();
    }

    String name() {
        return name;
    }

    /** Where the (first) service answers. */
    String url() {
        return "http://127.0.0.1:" + ports.get(0);
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
