package cn.huiyin.platform.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the broker is and who this service is on the wire ({@code huiyin.messaging.*}).
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param source           CloudEvents source of the events this service publishes, e.g. {@code /huiyin/intake}
 * @param claimLease       how long a consumer's claim on an event protects it from a second instance
 * @param healthTimeout    how long the health check waits for the broker
 */
@ConfigurationProperties("huiyin.messaging")
public record MessagingProperties(
    @DefaultValue("127.0.0.1:9092") String bootstrapServers,
    @DefaultValue("/huiyin/service") String source,
    @DefaultValue("30s") Duration claimLease,
    @DefaultValue("2s") Duration healthTimeout) {
}
