package cn.huiyin.dashboard;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import cn.huiyin.dashboard.application.ranking.MonthlyRankings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Freezes the month just ended into ranking snapshots soon after it ends (every instance looks every minute; a
 * territory already frozen is left alone, so the instances cannot freeze a month twice). A territory nobody froze
 * is frozen at the first question about it.
 */
class RankingFreezeSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RankingFreezeSchedule.class);

    private final MonthlyRankings rankings;
    private final Duration every;
    private volatile ScheduledExecutorService executor;

    RankingFreezeSchedule(MonthlyRankings rankings, Duration every) {
        this.rankings = rankings;
        this.every = every;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ranking-freeze");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::freezeOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void freezeOnce() {
        try {
            int frozen = rankings.freezeEndedMonth();
            if (frozen > 0) {
                log.info("Froze the rankings of the month just ended for {} territories", frozen);
            }
        } catch (RuntimeException e) {
            // The store may be away for a moment; the next run freezes what is still unfrozen.
            log.warn("Freezing the rankings failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
