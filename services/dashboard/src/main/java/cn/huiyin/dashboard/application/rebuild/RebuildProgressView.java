package cn.huiyin.dashboard.application.rebuild;

import java.time.Instant;

/**
 * A rebuild as an administrator watches it.
 *
 * @param percent     records read of those there were when it started (more arrive while it runs), 0–100
 * @param etaSeconds  at the current rate, or null
 */
public record RebuildProgressView(String generation, String phase, String liveGeneration, String by, Instant startedAt,
                                  Instant finishedAt, long read, long total, double percent, double ratePerSecond,
                                  Long etaSeconds, long eventsApplied, String failure) {
}
