package cn.huiyin.platform.messaging.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay ({@code huiyin.outbox.*}).
 *
 * @param batchSize      aggregates handled per publishing round
 * @param sendTimeout    how long to wait for the broker to acknowledge one round
 * @param sweepInterval  how often the markers are checked for events left behind
 * @param sweepGrace     a marker younger than this is left to the fast path
 * @param markerGrace    a drained aggregate's marker is removed only once it is older than this: longer than any
 *                       write may take (the MongoDB operation time-out), so a write still in flight when the relay
 *                       read the outbox can never lose its marker
 * @param claim          how long an instance's claim on an aggregate's events lasts (ADR 0037): how long another
 *                       instance waits for the events of one that crashed
 * @param initialBackoff first pause after a failed round; doubles up to {@code maxBackoff}
 * @param maxBackoff     longest pause between rounds while the broker is down
 * @param partitions     partitions of the topics this service creates
 * @param replicationFactor replication factor of the topics this service creates
 */
@ConfigurationProperties("huiyin.outbox")
public record OutboxProperties(
    @DefaultValue("200") int batchSize,
    @DefaultValue("15s") Duration sendTimeout,
    @DefaultValue("5s") Duration sweepInterval,
    @DefaultValue("2s") Duration sweepGrace,
    @DefaultValue("30s") Duration markerGrace,
    @DefaultValue("10s") Duration claim,
    @DefaultValue("200ms") Duration initialBackoff,
    @DefaultValue("10s") Duration maxBackoff,
    @DefaultValue("6") int partitions,
    @DefaultValue("1") short replicationFactor) {
}
