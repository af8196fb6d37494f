package cn.huiyin.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The embedded stack's launcher with no services ({@code HUIYIN_SERVICES=none}): Kafka and MongoDB in a JVM of its own,
 * on ports and a data directory of its own, which a test can kill with SIGKILL and start again on the same data, as a
 * crash of {@code ./huiyin up} would leave it. Started from this test JVM's class path.
 */
final class InfrastructureProcess implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final Path output;
    private final int kafkaPort;
    private final int mongoPort;
    private Process process;
    private int starts;

    InfrastructureProcess(Path dataDir) {
        this.dataDir = dataDir;
        this.output = dataDir.resolve("launcher.out");
        this.kafkaPort = twoFreePorts();
        this.mongoPort = twoFreePorts();
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    /** Starts the launcher and waits until it says Kafka and MongoDB are up; returns how long that took. */
    Duration start() {
        long begin = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
            ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                HuiyinStack.class.getName(), "up"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            builder.environment().putAll(Map.of(
                "HUIYIN_HOME", dataDir.toString(),
                "HUIYIN_DATA_DIR", dataDir.toString(),
                "HUIYIN_KAFKA_PORT", Integer.toString(kafkaPort),
                "HUIYIN_MONGO_PORT", Integer.toString(mongoPort),
                "HUIYIN_SERVICES", "none"));
            process = builder.start();
            starts++;
            long deadline = begin + START_LIMIT.toNanos();
            while (upMessages() < starts) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The launcher exited with " + process.exitValue() + ":\n"
                        + Files.readString(output));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The launcher is not up after " + START_LIMIT + ":\n"
                        + Files.readString(output));
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed, as in a crash or an OOM kill. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The launcher survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long upMessages() throws IOException {
        if (!Files.exists(output)) {
            return 0;
        }
        return Files.readAllLines(output).stream().filter(line -> line.contains("is up")).count();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            // A clean stop at the end, so the data directory can be deleted.
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** A port p with p + 1 free as well (Kafka's controller listens on the port after the broker's). */
    static int twoFreePorts() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 40_000);
            if (free(port) && free(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("No two free ports in a row");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
