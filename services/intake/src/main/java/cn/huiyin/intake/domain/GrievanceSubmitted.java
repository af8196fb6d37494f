package cn.huiyin.intake.domain;

import java.time.Instant;

/**
 * A grievance was accepted and given a tracking number. Published as {@code cn.huiyin.intake.GrievanceSubmitted.v1}
 * (contract: {@code contracts/events/intake/GrievanceSubmitted/v1.schema.json}). It names the worker only by
 * pseudonym.
 */
public record GrievanceSubmitted(String grievanceId, String trackingNumber, Instant submittedAt, Channel channel,
                                 RecordedBy recordedBy, WorkerSummary worker, boolean confidential, String category,
                                 String description, Location location, Instant occurredAt,
                                 ExternalReferences externalReferences, String preferredContactTime,
                                 int evidenceCount) {

    /** Who typed it in (the contract's {@code recordedBy}: staff id and station). */
    public record RecordedBy(String staffId, String station) {
    }

    /** The worker without personal data. */
    public record WorkerSummary(String workerRef, WorkerGroup group, String platformOrEmployer, String homeStation) {
    }

    public record Location(String divisionCode, String address, Place.Coordinates coordinates) {
    }
}
