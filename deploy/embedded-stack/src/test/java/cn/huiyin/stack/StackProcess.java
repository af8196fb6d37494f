package cn.huiyin.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole embedded stack as {@code ./huiyin up} runs it — launcher, Kafka, MongoDB and every service including the
 * console, each in its own process from its runnable jar — on free ports and a data directory of its own. Needs the
 * services' jars built (the reactor has packaged them before this module's tests run).
 */
public final class StackProcess implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofMinutes(6);

    private final Path dataDir;
    private final Path output;
    private final Map<String, Integer> ports = new HashMap<>();
    private Process process;

    public StackProcess(Path dataDir) {
        this.dataDir = dataDir;
        this.output = dataDir.resolve("launcher.out");
        for (StackLayout.ServiceSpec service : StackLayout.ALL_SERVICES) {
            ports.put(service.name(), InfrastructureProcess.twoFreePorts());
        }
    }

    /** {@code http://127.0.0.1:<port>} of a service of the stack ({@code console}, {@code intake} …). */
    public String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** Starts the stack and waits until the launcher says every service is ready. */
    public Duration start() {
        long begin = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
            ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), HuiyinStack.class.getName(), "up"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            Map<String, String> env = builder.environment();
            env.put("HUIYIN_HOME", repositoryRoot().toString());
            env.put("HUIYIN_DATA_DIR", dataDir.toString());
            env.put("HUIYIN_KAFKA_PORT", Integer.toString(InfrastructureProcess.twoFreePorts()));
            env.put("HUIYIN_MONGO_PORT", Integer.toString(InfrastructureProcess.twoFreePorts()));
            env.put("HUIYIN_SMTP_PORT", Integer.toString(InfrastructureProcess.twoFreePorts()));
            ports.forEach((name, port) -> env.put(StackLayout.portVariable(name), Integer.toString(port)));
            process = builder.start();
            long deadline = begin + START_LIMIT.toNanos();
            while (!Files.readString(output).contains("is up: all")) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The stack exited with " + process.exitValue() + ":\n"
                        + Files.readString(output));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The stack is not up after " + START_LIMIT + ":\n"
                        + Files.readString(output));
                }
                Thread.sleep(250);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            // The launcher stops its services on SIGTERM; they also exit by themselves when it is gone.
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The repository: this module is deploy/embedded-stack. */
    static Path repositoryRoot() {
        return Path.of("").toAbsolutePath().getParent().getParent();
    }
}
