package cn.huiyin.platform.messaging.inbound;

import java.time.Instant;

/**
 * An event as a consumer receives it: the CloudEvents context and the data read into the consumer's own view.
 *
 * @param <T> the consumer's record for this event type
 */
public record InboundEvent<T>(String id, String source, String type, String subject, Instant time, T data) {
}
