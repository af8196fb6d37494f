package cn.huiyin.triage.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Triage's own view of a submitted grievance: only what classification and routing need. The worker is known by
 * pseudonym only.
 *
 * @param category the filer's category code, or null when triage must classify
 * @param address  the place as the filer described it ("龙泉驿区东安街道 龙湖天街北门"), if given
 * @param closedInLedgerAt when a city's earlier ledger closed it, for a row imported as closed (台账已办结); null
 *                         for every grievance Huiyin is to handle
 */
public record ReceivedGrievance(String grievanceId, Instant submittedAt, String channel, String workerRef,
                                String workerGroup, String platformOrEmployer, boolean confidential, String category,
                                String description, String divisionCode, String address, Instant closedInLedgerAt) {

    public ReceivedGrievance(String grievanceId, Instant submittedAt, String channel, String workerRef,
                             String workerGroup, String platformOrEmployer, boolean confidential, String category,
                             String description, String divisionCode, String address) {
        this(grievanceId, submittedAt, channel, workerRef, workerGroup, platformOrEmployer, confidential, category,
            description, divisionCode, address, null);
    }

    public ReceivedGrievance {
        Objects.requireNonNull(grievanceId, "grievanceId");
        Objects.requireNonNull(submittedAt, "submittedAt");
        // Stored to the millisecond: deadlines counted again later (a re-classification, a cluster) must come out
        // the same as when the case arrived.
        submittedAt = submittedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Closed in a city's earlier ledger before it was imported: kept for the records, not handled again. */
    public boolean isClosedInLedger() {
        return closedInLedgerAt != null;
    }

    /** The text that may name a place: the description and the address. */
    public String placeText() {
        return (description == null ? "" : description) + " " + (address == null ? "" : address);
    }
}
