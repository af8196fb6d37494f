package cn.huiyin.platform.messaging.kafka;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import cn.huiyin.platform.messaging.outbox.OutboxRelay;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports whether the broker answers. A service whose broker is down is {@value #DEGRADED}, not down: it still
 * takes grievances (their events wait in the outbox) and answers queries, so it should stay in its load balancer.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator {

    public static final String DEGRADED = "DEGRADED";

    private final Admin admin;
    private final OutboxRelay relay;
    private final Duration timeout;

    public KafkaHealthIndicator(Admin admin, OutboxRelay relay, Duration timeout) {
        super("Kafka health check failed");
        this.admin = admin;
        this.relay = relay;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (relay != null) {
            builder.withDetail("outboxQueued", relay.queued())
                .withDetail("publisherCircuit", relay.circuitState().name());
            if (relay.brokerUnreachableSince() != null) {
                builder.withDetail("publishingFailingSince", relay.brokerUnreachableSince().toString());
            }
        }
        try {
            var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            int nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            builder.up().withDetail("brokers", nodes).withDetail("clusterId",
                cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.status(new Status(DEGRADED, "interrupted"));
        } catch (Exception e) {
            builder.status(new Status(DEGRADED, "Kafka unreachable; events are kept and will be published later"))
                .withDetail("error", e.getClass().getSimpleName());
        }
    }
}
