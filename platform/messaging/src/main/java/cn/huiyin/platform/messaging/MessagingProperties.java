package cn.huiyin.platform.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the broker is and who this service is on the wire ({@code huiyin.messaging.*}).
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param source           CloudEvents source of the events this service publishes, e.g. {@code /huiyin/intake}
 * @param claimLease       how long a consumer's claim on an event protects it from a second instance
 * @param healthTimeout    how long the health check waits for the broker
 * @param retryMaxBackoff  longest pause between attempts to apply an event while the store or broker is away
 * @param retryLaterLimit  how long an event that waits for another ({@code RetryLaterException}) is retried before
 *                         it is dead-lettered
 * @param commitInterval   how often a consumer commits the offsets of the events it applied ({@code 0}: after every
 *                         poll, as Spring's default does); a crash redelivers at most this much, which the consumers'
 *                         idempotence absorbs, and a stop or a rebalance commits at once
 * @param parkedCheckInterval how long an instance trusts its finding that no grievance waits behind a dead letter
 *                         ({@code 0}: asks for every event); only another instance's park can hide that long
 * @param client           extra Kafka client settings for every client of the service (outbox producer, admin, health
 *                         check and the Spring Cloud Stream binder), e.g. {@code security.protocol},
 *                         {@code sasl.mechanism}, {@code sasl.jaas.config} for an authenticated broker
 */
@ConfigurationProperties("huiyin.messaging")
public record MessagingProperties(
    @DefaultValue("127.0.0.1:9092") String bootstrapServers,
    @DefaultValue("/huiyin/service") String source,
    @DefaultValue("30s") Duration claimLease,
    @DefaultValue("2s") Duration healthTimeout,
    @DefaultValue("10s") Duration retryMaxBackoff,
    @DefaultValue("10m") Duration retryLaterLimit,
    @DefaultValue("1s") Duration commitInterval,
    @DefaultValue("200ms") Duration parkedCheckInterval,
    Map<String, String> client) {

    public MessagingProperties {
        client = client == null ? Map.of() : Map.copyOf(client);
    }

    /** Client settings for a new Kafka client: the bootstrap servers, the shared {@link #client()} ones, then its own. */
    public Map<String, Object> clientConfig(Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>(client);
        config.put("bootstrap.servers", bootstrapServers);
        config.putAll(own);
        return config;
    }
}
