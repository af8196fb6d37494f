package cn.huiyin.intake.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything a filer tells intake about a grievance.
 *
 * @param recordedBy optional: who typed it in for the worker
 * @param category   optional category code; triage classifies when absent
 * @param occurredAt optional: when it happened
 */
public record Submission(Channel channel, Recorder recordedBy, Worker worker, boolean confidential, String category,
                         String description, Place place, Instant occurredAt, ExternalReferences externalReferences,
                         String preferredContactTime) {

    public Submission {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(place, "place");
    }

    public Submission withWorker(Worker other) {
        return new Submission(channel, recordedBy, other, confidential, category, description, place, occurredAt,
            externalReferences, preferredContactTime);
    }
}
