package cn.huiyin.platform.messaging.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import cn.huiyin.platform.test.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Two instances of a service share one database: what one of them parks, the other sees — at once when it parked it
 * itself or was just assigned partitions, and within the empty-check interval otherwise.
 */
class ParkedEventsTest {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    /** Stands still unless moved: the interval is counted on the clock the service is given. */
    private static final class StillClock extends Clock {

        private volatile Instant now = Instant.parse("2026-12-03T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final StillClock clock = new StillClock();
    private MongoClient client;
    private MongoTemplate mongo;
    private ParkedEvents instanceA;
    private ParkedEvents instanceB;

    @BeforeEach
    void setUp() {
        client = MongoClients.create(TestInfrastructure.get().mongoUri());
        mongo = new MongoTemplate(client, "parked-" + UUID.randomUUID().toString().substring(0, 8));
        instanceA = new ParkedEvents(mongo, clock, INTERVAL);
        instanceB = new ParkedEvents(mongo, clock, INTERVAL);
    }

    @AfterEach
    void tearDown() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void anInstanceSeesItsOwnParkAtOnce() {
        assertThat(instanceA.find("HY-1")).isEmpty();

        instanceA.park("HY-1", "event-1", "test");

        assertThat(instanceA.find("HY-1")).get().extracting(ParkedEvents.Parked::head).isEqualTo("event-1");
    }

    @Test
    void anotherInstancesParkIsSeenOnceTheIntervalHasPassed() {
        assertThat(instanceB.find("HY-2")).isEmpty();

        instanceA.park("HY-2", "event-2", "test");
        clock.advance(INTERVAL.minusMillis(1));
        assertThat(instanceB.find("HY-2")).as("within the interval B trusts its empty look").isEmpty();

        clock.advance(Duration.ofMillis(1));
        assertThat(instanceB.find("HY-2")).isPresent();
    }

    @Test
    void aReplayedDeadLetterLooksWhateverTheLastLookFound() {
        assertThat(instanceB.find("HY-9")).isEmpty();
        instanceA.park("HY-9", "event-9", "test");

        assertThat(instanceB.find("HY-9")).as("an ordinary event trusts the empty look").isEmpty();
        assertThat(instanceB.findNow("HY-9")).get().extracting(ParkedEvents.Parked::head).isEqualTo("event-9");
    }

    @Test
    void partitionsAssignedMakeTheInstanceLookAgain() {
        assertThat(instanceB.find("HY-3")).isEmpty();
        instanceA.park("HY-3", "event-3", "test");

        instanceB.forget();

        assertThat(instanceB.find("HY-3")).isPresent();
    }

    @Test
    void theBindersRebalanceListenerStillHearsOfAssignmentsAndRevocations() {
        List<String> heard = new ArrayList<>();
        ParkedOnAssignment listener = new ParkedOnAssignment(new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                heard.add("revoked " + partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                heard.add("assigned " + partitions);
            }
        }, instanceB);
        var partitions = List.of(new TopicPartition("huiyin.intake.grievance.v1", 2));
        assertThat(instanceB.find("HY-8")).isEmpty();
        instanceA.park("HY-8", "event-8", "test");

        listener.onPartitionsRevokedBeforeCommit(null, partitions);
        listener.onPartitionsAssigned(null, partitions);

        assertThat(instanceB.find("HY-8")).as("assigned partitions look again").isPresent();
        assertThat(heard).containsExactly("revoked [huiyin.intake.grievance.v1-2]", "assigned [huiyin.intake.grievance.v1-2]");
    }

    @Test
    void aClockSetBackDoesNotKeepAnOldAnswer() {
        assertThat(instanceB.find("HY-4")).isEmpty();
        instanceA.park("HY-4", "event-4", "test");

        clock.advance(Duration.ofHours(-1));

        assertThat(instanceB.find("HY-4")).isPresent();
    }

    @Test
    void whileSomethingIsParkedEverySubjectIsLookedUpAndAReleasedOneIsFree() {
        instanceA.park("HY-5", "event-5", "test");
        assertThat(instanceB.find("HY-6")).isEmpty();
        assertThat(instanceB.find("HY-5")).isPresent();

        instanceB.release("HY-5", "event-5");

        assertThat(instanceA.find("HY-5")).as("released by the other instance").isEmpty();
        assertThat(instanceA.count()).isZero();
    }

    @Test
    void withoutAnIntervalEveryEventLooks() {
        ParkedEvents uncached = new ParkedEvents(mongo, clock);
        assertThat(uncached.find("HY-7")).isEmpty();

        instanceA.park("HY-7", "event-7", "test");

        assertThat(uncached.find("HY-7")).isPresent();
    }
}
