package cn.huiyin.platform.messaging.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import cn.huiyin.platform.messaging.EventJson;
import cn.huiyin.platform.messaging.cloudevents.CloudEvent;
import cn.huiyin.platform.messaging.cloudevents.CloudEventKafkaHeaders;
import cn.huiyin.platform.test.TestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;

/** A consumer believes an event only from the service that owns its type. */
class InboundEventsTest {

    record Assigned(String grievanceId) {
    }

    private MongoClient client;
    private MongoTemplate mongo;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<String> applied = new ArrayList<>();
    private Consumer<Message<byte[]>> intake;

    @BeforeEach
    void setUp() {
        client = MongoClients.create(TestInfrastructure.get().mongoUri());
        mongo = new MongoTemplate(client, "inbound-" + UUID.randomUUID().toString().substring(0, 8));
        InboundEvents inbound = new InboundEvents(new EventJson(),
            new IdempotentConsumer(mongo, Clock.systemUTC(), Duration.ofSeconds(30)), new ParkedEvents(mongo, Clock.systemUTC()), meters);
        intake = inbound.consumer("intake", handlers -> handlers
            .on("cn.huiyin.triage.GrievanceAssigned.v1", Assigned.class, e -> applied.add(e.data().grievanceId()))
            .on("cn.huiyin.jointmeeting.MeetingScheduled.v1", Assigned.class, e -> applied.add(e.data().grievanceId())));
    }

    @AfterEach
    void tearDown() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void anEventFromTheServiceThatOwnsItsTypeIsApplied() {
        intake.accept(message("/huiyin/triage", "cn.huiyin.triage.GrievanceAssigned.v1", "HY-20261122-000001"));
        intake.accept(message("/huiyin/joint-meeting", "cn.huiyin.jointmeeting.MeetingScheduled.v1", "JM-1"));

        assertThat(applied).containsExactly("HY-20261122-000001", "JM-1");
    }

    @Test
    void anotherServiceWritingTheOwnersTypeIsNotBelievedAndTheRecordIsDeadLettered() {
        Message<byte[]> forged = message("/huiyin/intake", "cn.huiyin.triage.GrievanceAssigned.v1", "HY-20261122-000002");

        assertThatThrownBy(() -> intake.accept(forged)).isInstanceOf(MalformedEventException.class)
            .hasMessageContaining("/huiyin/intake");
        assertThat(applied).isEmpty();
        assertThat(meters.counter("huiyin.inbound.events", "consumer", "intake", "outcome", "untrusted-source").count())
            .isEqualTo(1);
    }

    @Test
    void aSourceThatOnlyLooksLikeTheOwnerIsNotTheOwner() {
        for (String source : List.of("/huiyin/triage-evil", "/huiyin/", "https://elsewhere/huiyin/triage", "triage",
            "/huiyin/tri-age-x")) {
            Message<byte[]> forged = message(source, "cn.huiyin.triage.GrievanceAssigned.v1", "HY-20261122-000003");

            assertThatThrownBy(() -> intake.accept(forged)).as(source).isInstanceOf(MalformedEventException.class);
        }
        assertThat(applied).isEmpty();
    }

    private static Message<byte[]> message(String source, String type, String id) {
        byte[] data = ("{\"grievanceId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), source, type, Instant.parse("2026-12-02T02:00:00Z"),
            id, CloudEvent.JSON, data);
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(data);
        for (Header header : CloudEventKafkaHeaders.toHeaders(event)) {
            builder.setHeader(header.key(), header.value());
        }
        return builder.build();
    }
}
