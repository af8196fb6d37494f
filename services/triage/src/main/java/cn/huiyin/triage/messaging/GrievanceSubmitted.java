package cn.huiyin.triage.messaging;

import java.time.Instant;

/**
 * Triage's reading of intake's {@code cn.huiyin.intake.GrievanceSubmitted.v1}: the fields it uses, nothing more
 * (others are ignored, so intake can add fields freely).
 */
record GrievanceSubmitted(String grievanceId, Instant submittedAt, String channel, Worker worker, boolean confidential,
                          String category, String description, Location location,
                          ExternalReferences externalReferences) {

    record Worker(String workerRef, String group, String platformOrEmployer) {
    }

    record Location(String divisionCode, String address) {
    }

    record ExternalReferences(Ledger ledger) {
    }

    /** The ledger row an imported grievance came from (channel LEDGER_IMPORT). */
    record Ledger(String status, Instant closedAt) {
    }

    /** When the city's earlier ledger closed it, for a row imported as closed; otherwise null. */
    Instant closedInLedgerAt() {
        Ledger ledger = externalReferences == null ? null : externalReferences.ledger();
        return ledger != null && "CLOSED".equals(ledger.status()) ? ledger.closedAt() : null;
    }
}
