package cn.huiyin.benchmarks;

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
 * contain {@code marker} (a service's {@code --server.port=8081} or {@code --huiyin.messaging.bootstrap-servers=…}),
 * so a benchmark measures the stack it loads and not another one running beside it. {@code --stack-pid} names the
 * launcher instead.
 */
final class StackCpu {

    private static final Pattern SERVICE_JAR = Pattern.compile("services/([a-z-]+)/target/");

    private final Map<Long, String> processes;

    private StackCpu(Map<Long, String> processes) {
        this.processes = processes;
    }

    /** The stack whose launcher is {@code --stack-pid}, or whose service command line contains {@code marker}. */
    static Optional<StackCpu> find(Options options, String marker) {
        String pid = options.get("stack-pid", "");
        Optional<ProcessHandle> launcher = pid.isBlank()
            ? ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false))
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

    private static String name(ProcessHandle process) {
        String command = process.info().arguments().map(a -> String.join(" ", a)).orElse("");
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
     * Waits until the stack has gone quiet (less than 10 % of one core over 3 s, at most {@code limit}), so work that
     * trails the load (consumers, relays, projections) is counted; returns how long that took.
     */
    Duration settle(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        long previous = total(sample());
        while (System.nanoTime() - start < limit.toNanos()) {
            TimeUnit.SECONDS.sleep(3);
            long now = total(sample());
            if (now - previous < 300) {
                break;
            }
            previous = now;
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** A table of CPU per process between two samples, per grievance of {@code grievances}. */
    static String report(Map<String, Long> before, Map<String, Long> after, long grievances, double seconds) {
        StringBuilder out = new StringBuilder(String.format(
            "  CPU per process over the window (%.1f s, %d grievances):%n", seconds, grievances));
        List<String> names = new ArrayList<>(after.keySet());
        long total = 0;
        for (String name : names) {
            long ms = after.get(name) - before.getOrDefault(name, 0L);
            total += ms;
            out.append(String.format("    %-26s %8d ms  %6.2f ms/grievance%n", name, ms,
                ms / (double) Math.max(grievances, 1)));
        }
        out.append(String.format("    %-26s %8d ms  %6.2f ms/grievance  (%.2f cores busy)%n", "all", total,
            total / (double) Math.max(grievances, 1), total / 1000.0 / Math.max(seconds, 0.001)));
        return out.toString();
    }

    private static long total(Map<String, Long> cpu) {
        return cpu.values().stream().mapToLong(Long::longValue).sum();
    }
}
