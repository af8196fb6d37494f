package cn.huiyin.platform.messaging.inbound;

import cn.huiyin.platform.messaging.kafka.KafkaHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * {@value KafkaHealthIndicator#DEGRADED} while any grievance's events wait in a dead-letter topic: the service works,
 * but a person has to look (./huiyin dlq list). Details name how many and the oldest.
 */
public class DeadLetterHealthIndicator extends AbstractHealthIndicator {

    private final ParkedEvents parked;

    public DeadLetterHealthIndicator(ParkedEvents parked) {
        super("Dead-letter check failed");
        this.parked = parked;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long count = parked.count();
        builder.withDetail("parkedGrievances", count);
        if (count == 0) {
            builder.up();
            return;
        }
        builder.status(new Status(KafkaHealthIndicator.DEGRADED, "events wait in a dead-letter topic"));
        parked.oldest().ifPresent(oldest -> builder.withDetail("oldest", java.util.Map.of(
            "subject", oldest.subject(), "since", String.valueOf(oldest.since()),
            "waiting", oldest.eventIds().size(), "reason", String.valueOf(oldest.reason()))));
    }
}
