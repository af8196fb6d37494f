package cn.huiyin.platform.messaging.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import cn.huiyin.platform.test.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class IdempotentConsumerTest {

    private MongoClient client;
    private MongoTemplate mongo;
    private IdempotentConsumer consumer;
    private final AtomicInteger effects = new AtomicInteger();

    @BeforeEach
    void setUp() {
        client = MongoClients.create(TestInfrastructure.get().mongoUri());
        mongo = new MongoTemplate(client, "idempotency-" + UUID.randomUUID().toString().substring(0, 8));
        consumer = new IdempotentConsumer(mongo, Clock.systemUTC(), Duration.ofSeconds(30));
    }

    @AfterEach
    void tearDown() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        boolean first = consumer.process("triage", "event-1", effects::incrementAndGet);
        boolean second = consumer.process("triage", "event-1", effects::incrementAndGet);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(effects).hasValue(1);
        assertThat(consumer.alreadyProcessed("triage", "event-1")).isTrue();
    }

    @Test
    void eachConsumerProcessesTheSameEventOnce() {
        consumer.process("triage", "event-2", effects::incrementAndGet);
        consumer.process("dashboard", "event-2", effects::incrementAndGet);
        consumer.process("dashboard", "event-2", effects::incrementAndGet);

        assertThat(effects).hasValue(2);
    }

    @Test
    void aFailedEffectReleasesItsClaimSoTheRetryRunsIt() {
        assertThatThrownBy(() -> consumer.process("triage", "event-3", () -> {
            throw new IllegalStateException("MongoDB hiccup");
        })).isInstanceOf(IllegalStateException.class);

        boolean retried = consumer.process("triage", "event-3", effects::incrementAndGet);

        assertThat(retried).isTrue();
        assertThat(effects).hasValue(1);
    }

    @Test
    void aFreshClaimByAnotherInstanceIsNotRunTwice() {
        mongo.getCollection(IdempotentConsumer.COLLECTION).insertOne(new Document("_id", "triage:event-4")
            .append("consumer", "triage").append("eventId", "event-4").append("status", "CLAIMED")
            .append("claimedAt", new Date()));

        assertThatThrownBy(() -> consumer.process("triage", "event-4", effects::incrementAndGet))
            .isInstanceOf(EventBeingProcessedException.class);
        assertThat(effects).hasValue(0);
    }

    @Test
    void theClaimOfAnInstanceThatDiedIsTakenOverAfterItsLease() {
        Instant now = Instant.parse("2026-12-02T02:00:00Z");
        Instant longAgo = now.minus(Duration.ofMinutes(5));
        mongo.getCollection(IdempotentConsumer.COLLECTION).insertOne(new Document("_id", "triage:event-5")
            .append("consumer", "triage").append("eventId", "event-5").append("status", "CLAIMED")
            .append("claimedAt", Date.from(longAgo)));
        IdempotentConsumer survivor = new IdempotentConsumer(mongo, Clock.fixed(now, ZoneOffset.UTC),
            Duration.ofSeconds(30));

        boolean ran = survivor.process("triage", "event-5", effects::incrementAndGet);

        assertThat(ran).isTrue();
        assertThat(effects).hasValue(1);
        assertThat(survivor.alreadyProcessed("triage", "event-5")).isTrue();
    }
}
