package cn.huiyin.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU time of every process of a running embedded stack: the launcher (Kafka and MongoDB) and each service JVM it
 * started, read from the operating system (user + system time, {@code /proc/<pid>/stat} on Linux) at two moments, so a
 * benchmark can print the CPU each process spent per grievance over its measured window.
 *
 * <p>The stack is found from a service's command line: the launcher is the parent of the process whose arguments
 * contain {@code marker} (a service's {@code --server.port=8081} or {@code --huiyin.messaging.bootstrap-servers=…}), or
 * whose plan does (the services sharing one JVM, ADR 0035), so a benchmark measures the stack it loads and not another
 * one running beside it. {@code --stack-pid} names the launcher instead.
 */
final class StackCpu {

    private static final Pattern SERVICE_JAR = Pattern.compile("services/([a-z-]+)/target/");
    private static final String SHARED_JVM = "cn.huiyin.platform.service.host.ServiceHost";

    private final Map<Long, String> processes;
    /** CPU milliseconds per second of each process at rest, measured by {@link #idle}; empty until then. */
    private Map<String, Double> idleRate = Map.of();

    private StackCpu(Map<Long, String> processes) {
        this.processes = processes;
    }

    /** The stack whose launcher is {@code --stack-pid}, or whose service command line contains {@code marker}. */
    static Optional<StackCpu> find(Options options, String marker) {
        String pid = options.get("stack-pid", "");
        Optional<ProcessHandle> launcher = pid.isBlank()
            ? ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> runsWith(List.of(a), marker)).orElse(false))
                .map(ProcessHandle::parent).flatMap(Optional::stream).findFirst()
            : ProcessHandle.of(Long.parseLong(pid));
        if (launcher.isEmpty()) {
            System.out.println("(no stack process found for " + marker + ": no per-process CPU figures)");
            return Optional.empty();
        }
        Map<Long, String> processes = new LinkedHashMap<>();
        processes.put(launcher.get().pid(), "launcher (Kafka, MongoDB)");
        launcher.get().children().forEach(child -> processes.put(child.pid(), name(child)));
        System.out.println("CPU measured for " + processes.size() + " processes: " + processes);
        return Optional.of(new StackCpu(processes));
    }

    /** A service's JVM started with {@code marker}, or the shared JVM whose plan (its last argument) gives it to one. */
    private static boolean runsWith(List<String> arguments, String marker) {
        if (arguments.contains(marker)) {
            return true;
        }
        if (!arguments.contains(SHARED_JVM)) {
            return false;
        }
        try {
            return Files.readAllLines(Path.of(arguments.get(arguments.size() - 1))).contains("argument " + marker);
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    private static String name(ProcessHandle process) {
        String command = process.info().arguments().map(a -> String.join(" ", a)).orElse("");
        if (command.contains(SHARED_JVM)) {
            return "services (one JVM)";
        }
        Matcher matcher = SERVICE_JAR.matcher(command);
        return matcher.find() ? matcher.group(1) : "pid " + process.pid();
    }

    /** CPU time so far of each process, in milliseconds (a process that exited counts as 0). */
    Map<String, Long> sample() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        processes.forEach((pid, name) -> cpu.put(name, ProcessHandle.of(pid)
            .flatMap(p -> p.info().totalCpuDuration()).map(Duration::toMillis).orElse(0L)));
        return cpu;
    }

    /**
     * Measures what the stack spends at rest (scheduled scans, polls, the broker) over {@code period}, so that the
     * report can take it out of the window's CPU; call it when nothing is being loaded.
     */
    void idle(Duration period) throws InterruptedException {
        Map<String, Long> before = sample();
        long start = System.nanoTime();
        TimeUnit.MILLISECONDS.sleep(period.toMillis());
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> after = sample();
        Map<String, Double> rate = new LinkedHashMap<>();
        after.forEach((name, ms) -> rate.put(name, (ms - before.getOrDefault(name, 0L)) / seconds));
        idleRate = rate;
        System.out.printf("  stack at rest: %.0f ms of CPU per second (%s)%n",
            rate.values().stream().mapToDouble(Double::doubleValue).sum(), rate);
    }

    /**
     * Waits until the stack has gone quiet (over 3 s, at most 10 % of one core above its rate at rest; at most
     * {@code limit}), so work that trails the load (consumers, relays, projections) is counted; returns how long
     * that took.
     */
    Duration settle(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        double rest = idleRate.values().stream().mapToDouble(Double::doubleValue).sum();
        long previous = total(sample());
        while (System.nanoTime() - start < limit.toNanos()) {
            TimeUnit.SECONDS.sleep(3);
            long now = total(sample());
            if (now - previous < 300 + 3 * rest) {
                break;
            }
            previous = now;
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * A table of CPU per process between two samples, per grievance of {@code grievances}: as measured, and net of
     * what the process spends at rest over the same time.
     */
    String report(Map<String, Long> before, Map<String, Long> after, long grievances, double seconds) {
        StringBuilder out = new StringBuilder(String.format(
            "  CPU per process over the window (%.1f s, %d grievances; net = minus the rate at rest × window):%n",
            seconds, grievances));
        List<String> names = new ArrayList<>(after.keySet());
        long total = 0;
        double totalNet = 0;
        double per = Math.max(grievances, 1);
        for (String name : names) {
            long ms = after.get(name) - before.getOrDefault(name, 0L);
            double net = ms - idleRate.getOrDefault(name, 0.0) * seconds;
            total += ms;
            totalNet += net;
            out.append(String.format("    %-26s %8d ms  %6.2f ms/grievance  net %6.2f ms/grievance%n", name, ms,
                ms / per, net / per));
        }
        out.append(String.format("    %-26s %8d ms  %6.2f ms/grievance  net %6.2f ms/grievance  (%.2f cores busy)%n",
            "all", total, total / per, totalNet / per, total / 1000.0 / Math.max(seconds, 0.001)));
        return out.toString();
    }

    private static long total(Map<String, Long> cpu) {
        return cpu.values().stream().mapToLong(Long::longValue).sum();
    }
}
