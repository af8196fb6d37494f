package cn.huiyin.intake.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The row of a city's earlier ledger (台账) a grievance was imported from, as the ledger states it: facts about its
 * life before Huiyin, kept beside the grievance, never turned into stages Huiyin did not see (ADR 0025).
 *
 * @param source       the ledger's name, chosen by who imports it (e.g. {@code jinchang-12328-2025})
 * @param number       the row's own number in that ledger; with {@code source} it identifies the row for good
 * @param registeredAt when the ledger registered the grievance
 * @param closedAt     when the ledger closed it ({@link Status#CLOSED} only)
 */
public record LedgerEntry(String source, String number, Instant registeredAt, Status status, Instant closedAt) {

    /** The row's state in the ledger when it was imported. */
    public enum Status { OPEN, CLOSED }

    public LedgerEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(status, "status");
        if (status == Status.CLOSED && closedAt == null || status == Status.OPEN && closedAt != null) {
            throw new IllegalArgumentException("closedAt is given for a closed row only");
        }
    }

    /** The idempotency key of the row: the same row imported again finds it. */
    public String key() {
        return "ledger:" + source + ":" + number;
    }
}
