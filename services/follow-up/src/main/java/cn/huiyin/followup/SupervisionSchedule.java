package cn.huiyin.followup;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import cn.huiyin.followup.application.SuperviseDeadlines;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the supervision scan every few seconds on every instance. Nothing is lost between runs or across restarts: each
 * case stores the instant its next step falls due, and the scan looks for those (ADR 0018). Stops with the context.
 */
class SupervisionSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SupervisionSchedule.class);

    private final SuperviseDeadlines supervise;
    private final Duration every;
    private volatile ScheduledExecutorService executor;
    private Timer timer;

    SupervisionSchedule(SuperviseDeadlines supervise, Duration every) {
        this.supervise = supervise;
        this.every = every;
    }

    @Autowired
    void meters(ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            timer = Timer.builder("huiyin.supervision.scan").description("One supervision scan").register(registry);
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "supervision-scan");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::scanOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scanOnce() {
        try {
            long started = System.nanoTime();
            SuperviseDeadlines.ScanResult result = supervise.scan();
            if (timer != null) {
                timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
            if (result.stepsIssued() > 0) {
                log.info("Supervision scan issued {} step(s) for {} case file(s) and {} action item(s)",
                    result.stepsIssued(), result.caseFiles(), result.actionItems());
            }
        } catch (RuntimeException e) {
            // The store may be away for a moment; the next run finds the same due instants.
            log.warn("Supervision scan failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
