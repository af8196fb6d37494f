package cn.huiyin.intake.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything a filer tells intake about a grievance.
 *
 * @param recordedBy optional: who typed it in for the worker
 * @param category   optional category code; triage classifies when absent
 * @param occurredAt optional: when it happened
 * @param description what the filer said; null only once erased after the retention period
 */
public record Submission(Channel channel, Recorder recordedBy, Worker worker, boolean confidential, String category,
                         String description, Place place, Instant occurredAt, ExternalReferences externalReferences,
                         String preferredContactTime) {

    public Submission {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(place, "place");
    }

    public Submission withWorker(Worker other) {
        return new Submission(channel, recordedBy, other, confidential, category, description, place, occurredAt,
            externalReferences, preferredContactTime);
    }

    public Submission withRecorder(Recorder other) {
        return new Submission(channel, other, worker, confidential, category, description, place, occurredAt,
            externalReferences, preferredContactTime);
    }

    /**
     * What the statistics need and nothing personal: channel, recorder, group, platform, category, district, when.
     * The worker's words, their identity, the exact place, the references and the contact time go.
     */
    public Submission withoutPersonalData() {
        return new Submission(channel, recordedBy, worker.withoutIdentity(), confidential, category, null,
            new Place(place.divisionCode(), null, null), occurredAt, null, null);
    }
}
