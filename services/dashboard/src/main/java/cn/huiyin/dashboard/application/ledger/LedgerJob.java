package cn.huiyin.dashboard.application.ledger;

import java.time.Instant;

/**
 * A ledger export running in the background.
 *
 * @param state QUEUED, RUNNING, DONE or FAILED
 * @param rows  rows written so far; {@code total} the rows there will be
 */
public record LedgerJob(String id, String requestedBy, String scope, String period, Format format, String state,
                        long rows, long total, Instant startedAt, Instant finishedAt, String fileName, String failure) {

    public double percent() {
        return total == 0 ? ("DONE".equals(state) ? 100 : 0) : Math.min(100, Math.round(1000.0 * rows / total) / 10.0);
    }

    LedgerJob progressed(long rows) {
        return new LedgerJob(id, requestedBy, scope, period, format, "RUNNING", rows, total, startedAt, null, fileName,
            null);
    }

    LedgerJob done(long rows, Instant at) {
        return new LedgerJob(id, requestedBy, scope, period, format, "DONE", rows, total, startedAt, at, fileName, null);
    }

    LedgerJob failed(String reason, Instant at) {
        return new LedgerJob(id, requestedBy, scope, period, format, "FAILED", rows, total, startedAt, at, fileName,
            reason);
    }
}
