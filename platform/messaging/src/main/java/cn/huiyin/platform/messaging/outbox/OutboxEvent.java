package cn.huiyin.platform.messaging.outbox;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document to be published. Everything the relay needs is captured when the
 * event is raised, so renaming a class later cannot strand an event that is still pending.
 *
 * @param eventId CloudEvents id
 * @param source  CloudEvents source
 * @param type    CloudEvents type
 * @param topic   Kafka topic
 * @param subject grievance id: CloudEvents subject and Kafka key
 * @param time    when it happened
 * @param data    the event as JSON
 * @param actor   who caused it: a username, or {@code system} for changes made by event handlers and jobs
 * @param aggregateId the aggregate that raised it (published as the CloudEvents extension {@code aggregateid})
 * @param sequence    its number among all events of that aggregate, from 1 (extension {@code sequence}); null for
 *                    events stored before sequences existed
 */
public record OutboxEvent(String eventId, String source, String type, String topic, String subject, Instant time,
                          String data, String actor, String aggregateId, Long sequence) {
}
