package cn.huiyin.platform.messaging.inbound;

import java.time.Instant;

/**
 * An event as a consumer receives it: the CloudEvents context and the data read into the consumer's own view.
 *
 * @param aggregateId the producer's aggregate that raised it (CloudEvents extension {@code aggregateid}), or null
 * @param sequence    its number among that aggregate's events (extension {@code sequence}), or null for producers
 *                    that do not number their events
 * @param position    where it was read from (topic, partition, offset), or null outside Kafka
 * @param <T>         the consumer's record for this event type
 */
public record InboundEvent<T>(String id, String source, String type, String subject, Instant time, T data,
                              String aggregateId, Long sequence, Position position) {

    /** A record's place in Kafka. */
    public record Position(String topic, int partition, long offset) {
    }

    /** An event without ordering extensions or position (tests, producers outside the outbox). */
    public InboundEvent(String id, String source, String type, String subject, Instant time, T data) {
        this(id, source, type, subject, time, data, null, null, null);
    }
}
