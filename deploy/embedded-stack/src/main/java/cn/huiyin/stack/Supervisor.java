package cn.huiyin.stack;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the services of {@code ./huiyin up} running. A service that exits is reported at once and started again after
 * a back-off that doubles from {@link Policy#firstDelay()} up to {@link Policy#maxDelay()}; it is reported again when
 * it is ready. A service that keeps dying soon after it starts (a broken configuration, a port taken by something
 * else) is given up after {@link Policy#maxFastFailures()} such exits in a row, with the end of its log, while the
 * rest of the stack runs on. Nothing is restarted once the stack is stopping.
 */
final class Supervisor implements AutoCloseable {

    /**
     * @param firstDelay      wait before the first restart
     * @param maxDelay        the longest wait between restarts
     * @param maxFastFailures exits in a row, each within {@code stableAfter} of its start, before giving up
     * @param stableAfter     a run at least this long resets the count of fast failures and the back-off
     * @param readyWithin     how long a restarted service may take to become ready before that is reported
     */
    record Policy(Duration firstDelay, Duration maxDelay, int maxFastFailures, Duration stableAfter,
                  Duration readyWithin) {

        static final Policy DEFAULT = new Policy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5,
            Duration.ofSeconds(60), Duration.ofMinutes(4));
    }

    private final Policy policy;
    private final Consumer<String> report;
    private final Runnable restarted;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "huiyin-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<ServiceProcess, Integer> fastFailures = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    /**
     * @param report    where news goes (the launcher's console and log)
     * @param restarted called after a service was started again (e.g. to rewrite the file of pids)
     */
    Supervisor(Policy policy, Consumer<String> report, Runnable restarted) {
        this.policy = policy;
        this.report = report;
        this.restarted = restarted;
    }

    /** Watches a started service from now on. */
    void watch(ServiceProcess service) {
        long pid = service.pid();
        service.onExit().thenAccept(exitCode -> exited(service, pid, exitCode));
    }

    private void exited(ServiceProcess service, long pid, int exitCode) {
        if (stopping) {
            return;
        }
        Duration ran = service.uptime();
        int failures = ran.compareTo(policy.stableAfter()) < 0 ? fastFailures.merge(service, 1, Integer::sum) : 1;
        fastFailures.put(service, failures);
        String what = String.format(Locale.ROOT, "%s (pid %d) exited with code %d after %s", service.name(), pid,
            exitCode, seconds(ran));
        if (ran.compareTo(policy.stableAfter()) < 0 && failures >= policy.maxFastFailures()) {
            report.accept(what + ". It failed " + failures + " times in a row within " + seconds(policy.stableAfter())
                + " of starting: not restarting it. The rest of the stack keeps running. Last lines of "
                + service.log() + ":");
            service.tail(15).forEach(line -> report.accept("    " + line));
            return;
        }
        Duration delay = backOff(failures);
        report.accept(what + "; restarting it in " + seconds(delay) + " (attempt " + failures + ")");
        long diedAt = System.nanoTime();
        scheduler.schedule(() -> restart(service, diedAt), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart(ServiceProcess service, long diedAt) {
        if (stopping) {
            return;
        }
        try {
            service.start();
        } catch (IOException e) {
            report.accept("Cannot start " + service.name() + " again: " + e.getMessage());
            return;
        }
        restarted.run();
        watch(service);
        awaitReady(service, diedAt, System.nanoTime() + policy.readyWithin().toNanos());
    }

    private void awaitReady(ServiceProcess service, long diedAt, long deadline) {
        if (stopping || !service.isAlive()) {
            return;
        }
        if (service.isReady()) {
            report.accept(String.format(Locale.ROOT, "%s is back (pid %d), ready at %s %s after it exited",
                service.name(), service.pid(), service.url(), seconds(Duration.ofNanos(System.nanoTime() - diedAt))));
            return;
        }
        if (System.nanoTime() > deadline) {
            report.accept(service.name() + " was started again but is not ready after " + seconds(policy.readyWithin())
                + "; see " + service.log());
            return;
        }
        scheduler.schedule(() -> awaitReady(service, diedAt, deadline), 250, TimeUnit.MILLISECONDS);
    }

    private Duration backOff(int failures) {
        long millis = policy.firstDelay().toMillis() << Math.min(failures - 1, 20);
        return Duration.ofMillis(Math.min(millis, policy.maxDelay().toMillis()));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** From now on nothing is restarted: the stack is stopping. */
    @Override
    public void close() {
        stopping = true;
        scheduler.shutdownNow();
    }
}
