package cn.huiyin.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import cn.huiyin.notifications.application.CallbacksDueToday;
import cn.huiyin.notifications.application.DeliverNotifications;
import cn.huiyin.notifications.application.StaffDigests;
import cn.huiyin.platform.messaging.lease.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Works through the delivery queue every few seconds, one instance at a time (lease {@value #LEASE}). Nothing is lost
 * between runs or across restarts: every queued message is a stored document with the instant it may go.
 */
class DeliverySchedule implements SmartLifecycle {

    static final String LEASE = "notification-delivery";
    static final Duration LEASE_DURATION = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(DeliverySchedule.class);

    private final DeliverNotifications deliver;
    private final StaffDigests digests;
    private final CallbacksDueToday callbacks;
    private final Leases leases;
    private final Duration every;
    private final int batch;
    private final Clock clock;
    private volatile ScheduledExecutorService executor;

    DeliverySchedule(DeliverNotifications deliver, StaffDigests digests, CallbacksDueToday callbacks, Leases leases,
                     Duration every, int batch, Clock clock) {
        this.deliver = deliver;
        this.digests = digests;
        this.callbacks = callbacks;
        this.leases = leases;
        this.every = every;
        this.batch = batch;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "notification-delivery");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            // Held for one run; an instance that dies holding it delays the others by at most this long.
            leases.ifFree(LEASE, LEASE_DURATION, () -> {
                // The day's callback list and the digests first: what they gather is then no longer due on its own.
                // One instant for the whole pass: a message that fell due after the digests were gathered waits
                // for the next pass instead of leaving on its own at 09:00.
                Instant now = clock.instant();
                callbacks.queueToday(now);
                digests.gather(batch, now);
                int sent = deliver.deliverDue(batch, now);
                if (sent > 0) {
                    log.info("Delivered {} notification(s)", sent);
                }
            });
        } catch (RuntimeException e) {
            // The store may be away for a moment; the next run finds the same queued messages.
            log.warn("Delivery run failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            // A run in progress finishes and gives the lease back, so the next instance need not wait it out.
            executor.shutdown();
            try {
                if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
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
