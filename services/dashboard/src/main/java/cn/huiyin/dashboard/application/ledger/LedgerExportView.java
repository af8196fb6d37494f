package cn.huiyin.dashboard.application.ledger;

import java.time.Instant;

/**
 * A ledger export job as its requester watches it.
 *
 * @param state         QUEUED, COUNTING, WRITING, DONE or FAILED
 * @param totalRows     the rows the ledger has (known once counted), or null
 * @param percent       rows written of the total, 0–100
 * @param ratePerSecond rows written per second so far
 * @param etaSeconds    at the current rate, or null
 * @param fileBytes     the size of the finished workbook, or null
 * @param download      where to fetch the finished workbook, or null until it is done
 */
public record LedgerExportView(String id, String state, String scope, String period, String requestedBy,
                               Instant requestedAt, Instant finishedAt, long rowsWritten, Long totalRows,
                               double percent, double ratePerSecond, Long etaSeconds, Long fileBytes, String download,
                               String failure) {
}
