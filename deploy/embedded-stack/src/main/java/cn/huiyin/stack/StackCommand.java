package cn.huiyin.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import cn.huiyin.platform.embedded.EmbeddedKafkaBroker;
import cn.huiyin.platform.embedded.EmbeddedMongoServer;
import cn.huiyin.platform.embedded.EmbeddedSmtpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./huiyin up}: the whole system on one machine with nothing installed but a JDK. Kafka and MongoDB run in this
 * JVM; the loop's services share one JVM (ADR 0035), the identity provider and the console have one each. Ctrl-C stops the services first, then the broker, then
 * the database, so nothing is cut off mid-write.
 */
final class StackCommand {

    private static final Logger log = LoggerFactory.getLogger(StackCommand.class);
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(4);
    /** How often a service that stops while the stack starts is started, in all. */
    private static final int STARTS_WHILE_STARTING = 3;

    private final StackLayout layout;
    private final List<ServiceProcess> services = new ArrayList<>();
    private EmbeddedKafkaBroker kafka;
    private EmbeddedMongoServer mongo;
    private EmbeddedSmtpServer smtp;
    private Supervisor supervisor;

    StackCommand(StackLayout layout) {
        this.layout = layout;
    }

    int run() throws Exception {
        long started = System.nanoTime();
        if (!layout.isBuilt()) {
            say("The services are not built. Run ./huiyin up (it builds them) or ./mvnw -DskipTests package.");
            return 1;
        }
        stopLeftovers();
        List<String> busy = busyPorts();
        if (!busy.isEmpty()) {
            say("These ports are already in use: " + String.join(", ", busy)
                + ". Is another Huiyin stack (or Kafka/MongoDB) running? Stop it, or move this one with HUIYIN_PORT_OFFSET=100 (or HUIYIN_KAFKA_PORT, HUIYIN_MONGO_PORT, HUIYIN_INTAKE_PORT ...).");
            return 1;
        }
        Files.createDirectories(layout.logDir());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shutdown();
            stopped.countDown();
        }, "huiyin-stack-shutdown"));

        say("Data directory: " + layout.dataDir() + (Files.exists(layout.mongoFile()) ? " (existing data kept)" : " (new)"));
        // MongoDB first: after a crash, services that were left running find their store before Kafka hands them
        // records again (a record handled while the store is still away would only fail and be retried).
        say("Starting the MongoDB-protocol server on " + layout.mongoUri() + " ...");
        try {
            mongo = EmbeddedMongoServer.onDisk("127.0.0.1", layout.mongoPort(), layout.mongoFile()).start();
        } catch (RuntimeException e) {
            say("Cannot open " + layout.mongoFile() + ": " + e.getMessage() + " (is another stack using this data directory?)");
            return 1;
        }
        say("Starting Kafka (KRaft) on " + layout.kafkaBootstrap() + " ...");
        kafka = new EmbeddedKafkaBroker("127.0.0.1", layout.kafkaPort(), layout.kafkaControllerPort(), layout.kafkaDir(), 6)
            .flushEveryAppend().start();
        if (layout.servicePort("notifications") > 0) {
            // Notifications' e-mail goes here over SMTP; each message lands as a file a developer can open.
            smtp = new EmbeddedSmtpServer("127.0.0.1", layout.smtpPort(), layout.mailDir()).start();
            say("Starting the SMTP receiver on 127.0.0.1:" + layout.smtpPort() + " (mail in "
                + layout.home().relativize(layout.mailDir().resolve("new")) + ")");
        }
        startServices(prepareImages());
        writePids();
        if (!awaitReady()) {
            return 1;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        printSummary(seconds);
        superviseServices();
        stopped.await();
        return 0;
    }

    /**
     * Each service's jar unpacked, in parallel, once per build (ADR 0031); a jar that cannot be unpacked runs as it is.
     */
    private Map<String, ServiceImage> prepareImages() {
        Map<String, ServiceImage> images = new java.util.concurrent.ConcurrentHashMap<>();
        layout.services().parallelStream().forEach(spec -> {
            ServiceImage image = new ServiceImage(spec.jar(layout.home()), layout.serviceJvmOptions());
            if (!image.prepare()) {
                say("Cannot unpack " + spec.jar(layout.home()) + "; " + spec.name() + " starts from it as it is (slower).");
            }
            images.put(spec.name(), image);
        });
        if (!images.isEmpty() && images.values().stream().noneMatch(ServiceImage::isArchived)) {
            say("First start of this build: each service records the classes it loads when it stops"
                + " (a class-data archive), so the next start is faster.");
        }
        return images;
    }

    /**
     * Each service in a JVM of its own, but the loop's in one unless {@code HUIYIN_SHARED_JVM=false} (ADR 0035), which
     * starts where the first of them would.
     */
    private void startServices(Map<String, ServiceImage> images) throws IOException {
        List<StackLayout.ServiceSpec> shared = layout.sharedJvmServices();
        Optional<SharedJvm> host = shared.isEmpty() ? Optional.empty() : SharedJvm.prepare(shared, images, layout);
        if (!shared.isEmpty() && host.isEmpty()) {
            say("The services' jars are not unpacked; each service runs in a JVM of its own.");
        }
        for (StackLayout.ServiceSpec spec : layout.services()) {
            if (host.isPresent() && host.get().services().contains(spec)) {
                if (spec.equals(shared.get(0))) {
                    ServiceProcess process = new ServiceProcess(host.get(), layout);
                    process.start();
                    services.add(process);
                    say("Starting " + shared.stream().map(s -> s.name() + " (" + s.port() + ")")
                        .collect(Collectors.joining(", ")) + " in one JVM (log: " + layout.home().relativize(process.log()) + ")");
                }
                continue;
            }
            ServiceProcess service = new ServiceProcess(spec, layout, images.get(spec.name()));
            service.start();
            services.add(service);
            say("Starting " + spec.name() + " on port " + spec.port() + " (log: " + layout.home().relativize(service.log()) + ")");
        }
    }

    /** From now on a service that dies is reported and started again (see {@link Supervisor}). */
    private synchronized void superviseServices() {
        if (services.isEmpty()) {
            return;
        }
        supervisor = new Supervisor(Supervisor.Policy.DEFAULT, message -> {
            say(message);
            log.warn(message);
        }, this::writePids);
        services.forEach(supervisor::watch);
    }

    private void startAgain(ServiceProcess service) {
        try {
            service.start();
        } catch (IOException e) {
            say("Cannot start " + service.name() + " again: " + e.getMessage());
        }
    }

    private synchronized void writePids() {
        try {
            Files.writeString(pidFile(), services.stream().map(s -> Long.toString(s.pid()))
                .collect(java.util.stream.Collectors.joining("\n")));
        } catch (IOException e) {
            say("Cannot write " + pidFile() + ": " + e.getMessage());
        }
    }

    private boolean awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(services);
        Map<String, Integer> starts = new HashMap<>();
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (service.isReady()) {
                    waiting.remove(service);
                    say(service.name().equals(SharedJvm.NAME) ? "The services in one JVM are ready"
                        : service.name() + " is ready at " + service.url());
                } else if (!service.isAlive()) {
                    int started = starts.merge(service.name(), 2, (a, b) -> a + 1);
                    if (started <= STARTS_WHILE_STARTING) {
                        // The first start after an upgrade can outlast its store calls' time-out while the embedded
                        // store builds a new index over a large collection (ADR 0028); the build goes on, so the
                        // next start finds it done or nearly.
                        say(service.name() + " stopped while starting; starting it again (" + started + " of "
                            + STARTS_WHILE_STARTING + "). Its log: " + service.log());
                        startAgain(service);
                        continue;
                    }
                    say(service.name() + " stopped while starting. Last lines of " + service.log() + ":");
                    service.tail(25).forEach(line -> System.out.println("    " + line));
                    return false;
                }
            }
            if (System.nanoTime() > deadline) {
                say("Not ready after " + STARTUP_LIMIT.toMinutes() + " minutes: "
                    + waiting.stream().map(ServiceProcess::name).toList() + ". See their logs in " + layout.logDir());
                return false;
            }
            Thread.sleep(250);
        }
        return true;
    }

    private void printSummary(double seconds) {
        Map<String, Long> memory = new LinkedHashMap<>();
        memory.put("launcher (Kafka + MongoDB)", ResidentMemory.bytes(ProcessHandle.current().pid()));
        services.forEach(s -> memory.put(s.name(), ResidentMemory.bytes(s.pid())));
        long total = memory.values().stream().allMatch(v -> v >= 0) ? memory.values().stream().mapToLong(Long::longValue).sum() : -1;

        StringBuilder out = new StringBuilder();
        out.append("\n  Huiyin (回音) is up: all ").append(layout.services().size()).append(" services ready in ")
            .append(String.format(Locale.ROOT, "%.1f", seconds)).append(" s.\n\n");
        out.append(String.format("  %-16s %-34s %s%n", "Kafka (KRaft)", layout.kafkaBootstrap(), layout.home().relativize(layout.kafkaDir())));
        out.append(String.format("  %-16s %-34s %s%n", "MongoDB protocol", layout.mongoUri(), layout.home().relativize(layout.mongoFile())));
        if (smtp != null) {
            out.append(String.format("  %-16s %-34s %s%n", "SMTP receiver", "smtp://127.0.0.1:" + layout.smtpPort(),
                layout.home().relativize(layout.mailDir().resolve("new"))));
        }
        for (StackLayout.ServiceSpec service : layout.services()) {
            if (service.name().equals("console")) {
                continue;
            }
            String url = "http://127.0.0.1:" + service.port();
            out.append(String.format("  %-16s %-34s %s%n", service.name(), url + "/swagger-ui.html",
                "health " + url + "/actuator/health, metrics /actuator/prometheus"));
        }
        if (layout.servicePort("console") > 0) {
            out.append("\n  Open the console (工作台) in a browser: http://127.0.0.1:").append(layout.servicePort("console"))
                .append("  (demo users: see README)\n");
        }
        out.append("\n  Resident memory: ").append(ResidentMemory.mib(total)).append(" (");
        List<String> parts = new ArrayList<>();
        memory.forEach((name, bytes) -> parts.add(name + " " + ResidentMemory.mib(bytes)));
        out.append(String.join(", ", parts)).append(")\n");
        out.append("\n  Sign in as a demo user (README lists them):  TOKEN=$(./huiyin token window-clerk)\n");
        out.append("  File a grievance:  curl -s -X POST http://127.0.0.1:" + layout.servicePort("intake")
            + "/api/grievances -H \"Authorization: Bearer $TOKEN\" "
            + "-H 'Content-Type: application/json' -d @docs/examples/rider-insurance-claim.json\n");
        out.append("  Stop with Ctrl-C. Data stays in ").append(layout.dataDir()).append(".\n");
        System.out.println(out);
        log.info("Stack up in {} s, resident memory {}", String.format(Locale.ROOT, "%.1f", seconds), ResidentMemory.mib(total));
    }

    private java.nio.file.Path pidFile() {
        return layout.dataDir().resolve("stack.pids");
    }

    /**
     * Services of a launcher that died without stopping them (killed, crashed) still hold their ports; the pids it
     * wrote identify them, and only processes that are still one of our service jars are stopped.
     */
    private void stopLeftovers() throws IOException {
        if (!Files.exists(pidFile())) {
            return;
        }
        List<ProcessHandle> leftovers = new ArrayList<>();
        for (String line : Files.readAllLines(pidFile())) {
            if (line.isBlank()) {
                continue;
            }
            ProcessHandle.of(Long.parseLong(line.strip()))
                .filter(p -> p.info().commandLine()
                    .map(c -> c.contains("-exec.jar") || c.contains(SharedJvm.HOST_CLASS)).orElse(false))
                .ifPresent(leftovers::add);
        }
        if (!leftovers.isEmpty()) {
            say("Stopping " + leftovers.size() + " service(s) left running by a previous stack ...");
            leftovers.forEach(ProcessHandle::destroy);
            for (ProcessHandle p : leftovers) {
                try {
                    p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception stillRunning) {
                    p.destroyForcibly();
                }
            }
        }
        Files.delete(pidFile());
    }

    private List<String> busyPorts() {
        List<Integer> ports = new ArrayList<>(List.of(layout.kafkaPort(), layout.kafkaControllerPort(), layout.mongoPort()));
        if (layout.servicePort("notifications") > 0) {
            ports.add(layout.smtpPort());
        }
        layout.services().forEach(s -> ports.add(s.port()));
        List<String> busy = new ArrayList<>();
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                busy.add(Integer.toString(port));
            }
        }
        return busy;
    }

    private synchronized void shutdown() {
        if (services.isEmpty() && kafka == null && mongo == null && smtp == null) {
            return;
        }
        if (supervisor != null) {
            supervisor.close();
        }
        say("Stopping services ...");
        services.parallelStream().forEach(service -> service.stop(Duration.ofSeconds(25)));
        services.clear();
        if (smtp != null) {
            smtp.close();
            smtp = null;
        }
        if (kafka != null) {
            say("Stopping Kafka ...");
            kafka.stop();
            kafka = null;
        }
        if (mongo != null) {
            say("Stopping MongoDB (writing data to disk) ...");
            mongo.stop();
            mongo = null;
        }
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException ignored) {
            // only a hint for the next start
        }
        say("Stopped. Data kept in " + layout.dataDir() + ".");
    }

    private static void say(String message) {
        System.out.println("[huiyin] " + message);
    }
}
