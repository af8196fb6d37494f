package cn.huiyin.platform.service.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code mongo} component of health and readiness: the service's own database answers {@code hello} within a
 * short time, or the store is DOWN (and the service leaves its load balancer until it answers again).
 */
public class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;
    private final String database;
    private final Duration timeout;

    public StoreHealthIndicator(MongoClient client, String database, Duration timeout) {
        super("MongoDB health check failed");
        this.client = client;
        this.database = database;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document hello = client.getDatabase(database).withTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .runCommand(new Document("hello", 1));
        builder.up().withDetail("database", database).withDetail("maxWireVersion", hello.get("maxWireVersion"));
    }
}
