package cn.huiyin.platform.messaging.cloudevents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One event as CloudEvents 1.0 sees it: the context attributes Huiyin uses, and the data as JSON bytes.
 *
 * @param id              unique per event; consumers deduplicate on it
 * @param source          the producing service, e.g. {@code /huiyin/intake}
 * @param type            e.g. {@code cn.huiyin.intake.GrievanceSubmitted.v1}
 * @param time            when the event happened
 * @param subject         the grievance the event is about; also the Kafka key
 * @param dataContentType always {@code application/json} here
 * @param data            the event's JSON
 * @param aggregateId     extension {@code aggregateid}: the producer's aggregate that raised the event (usually the
 *                        subject); null for events from before it existed
 * @param sequence        extension {@code sequence}: the event's number among all events its aggregate raised,
 *                        from 1, gap-free per aggregate; consumers use it to apply each event once and in order
 */
public record CloudEvent(String id, String source, String type, Instant time, String subject,
                         String dataContentType, byte[] data, String aggregateId, Long sequence) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }

    /** An event without the ordering extensions (from a producer outside the outbox, or before they existed). */
    public CloudEvent(String id, String source, String type, Instant time, String subject, String dataContentType,
                      byte[] data) {
        this(id, source, type, time, subject, dataContentType, data, null, null);
    }

    public String dataAsString() {
        return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CloudEvent that && id.equals(that.id) && source.equals(that.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, source);
    }

    @Override
    public String toString() {
        return "CloudEvent[" + type + " " + id + " subject=" + subject + "]";
    }
}
