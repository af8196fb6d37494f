package cn.huiyin.dashboard.application.rebuild;

/**
 * What identifies an event for "applied once": its id and source, and the producer's aggregate and sequence number when
 * the producer numbers its events.
 */
public record EventIdentity(String id, String source, String type, String subject, java.time.Instant time,
                            String aggregateId, Long sequence) {
}
