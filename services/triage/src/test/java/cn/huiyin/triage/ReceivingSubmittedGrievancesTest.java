package cn.huiyin.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.huiyin.platform.messaging.cloudevents.CloudEvent;
import cn.huiyin.platform.messaging.cloudevents.CloudEventKafkaHeaders;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.TestIds;
import cn.huiyin.platform.test.RecordingKafkaConsumer;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

@ServiceTest
class ReceivingSubmittedGrievancesTest {

    static final String TOPIC = "huiyin.intake.grievance.v1";
    static final String DEAD_LETTERS = "error.huiyin.intake.grievance.v1.triage";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        "bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers(), "acks", "all"),
        new StringSerializer(), new ByteArraySerializer());

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    @Test
    void aSubmittedGrievanceIsClassifiedAndAssignedWithinSeconds() throws Exception {
        String grievanceId = newGrievanceId();

        publish(submitted(grievanceId, UUID.randomUUID().toString()));

        HttpJson.Response read = awaitCase(grievanceId);
        assertThat(read.json().get("state").asString()).isEqualTo("ASSIGNED");
        assertThat(read.json().get("category").asString()).isEqualTo("INJURY_INSURANCE");
        assertThat(read.json().get("workerGroup").asString()).isEqualTo("FOOD_DELIVERY_RIDER");
        assertThat(read.json().get("divisionCode").asString()).isEqualTo("510112002");
        assertThat(read.json().at("/assignment/organisation/id").asString()).isEqualTo("org-committee-online-delivery");
        assertThat(read.json().at("/assignment/status").asString()).isEqualTo("PENDING");
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() throws Exception {
        String grievanceId = newGrievanceId();
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> event = submitted(grievanceId, eventId);
        double duplicatesBefore = outcome("duplicate");

        publish(event);
        awaitCase(grievanceId);
        publish(event);

        await().atMost(Duration.ofSeconds(20)).until(() -> outcome("duplicate") > duplicatesBefore);
        assertThat(mongo.getCollection("cases").countDocuments(new org.bson.Document("_id", grievanceId))).isEqualTo(1);
        assertThat(mongo.getCollection("cases").find(new org.bson.Document("_id", grievanceId)).first()
            .getList("appliedEventIds", String.class)).containsExactly(eventId);
        assertThat(mongo.getCollection("cases").find(new org.bson.Document("_id", grievanceId)).first()
            .get("version", Number.class).longValue()).isZero();
        assertThat(TriageTestKit.events(grievanceId, 2)).extracting(TriageTestKit::type)
            .startsWith("GrievanceTriaged", "GrievanceAssigned")
            .containsOnlyOnce("GrievanceTriaged", "GrievanceAssigned");
    }

    @Test
    void anEventWithoutItsGrievanceIdGoesToTheDeadLetterTopic() throws Exception {
        String key = newGrievanceId();
        ProducerRecord<String, byte[]> valid = submitted(key, UUID.randomUUID().toString());
        String withoutId = new String(valid.value(), StandardCharsets.UTF_8).replace("\"grievanceId\": \"" + key + "\",", "");
        ProducerRecord<String, byte[]> broken = new ProducerRecord<>(TOPIC, null, key,
            withoutId.getBytes(StandardCharsets.UTF_8), valid.headers());

        try (RecordingKafkaConsumer deadLetters = new RecordingKafkaConsumer(
            TestInfrastructure.get().kafkaBootstrapServers(), DEAD_LETTERS)) {
            publish(broken);

            assertThat(deadLetters.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(30))).hasSize(1);
        }
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() throws Exception {
        String poisonKey = newGrievanceId();
        ProducerRecord<String, byte[]> notACloudEvent = new ProducerRecord<>(TOPIC, poisonKey,
            "{not json".getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> badData = submitted(poisonKey, UUID.randomUUID().toString());
        ProducerRecord<String, byte[]> corrupted = new ProducerRecord<>(TOPIC, null, poisonKey,
            "{\"grievanceId\": 42, \"submittedAt\": \"yesterday\"}".getBytes(StandardCharsets.UTF_8), badData.headers());
        String goodId = newGrievanceId();

        try (RecordingKafkaConsumer deadLetters = new RecordingKafkaConsumer(
            TestInfrastructure.get().kafkaBootstrapServers(), DEAD_LETTERS)) {
            publish(notACloudEvent);
            publish(corrupted);
            publish(submitted(goodId, UUID.randomUUID().toString()));

            assertThat(awaitCase(goodId).json().get("state").asString()).isEqualTo("ASSIGNED");
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.await(r -> poisonKey.equals(r.key()), 2,
                Duration.ofSeconds(30));
            assertThat(dead).hasSize(2);
            assertThat(dead).allSatisfy(record -> {
                assertThat(record.headers().lastHeader("x-exception-message")).isNotNull();
                assertThat(new String(record.headers().lastHeader("x-original-topic").value(), StandardCharsets.UTF_8))
                    .isEqualTo(TOPIC);
            });
        }
        assertThat(HttpJson.at(port).as(TriageTestKit.CITY_TRIAGE_OFFICER).get("/api/grievances/" + poisonKey).status()).isEqualTo(404);
    }

    @Test
    void aGrievancesLaterEventsWaitBehindItsDeadLetterAndFollowItInOrderWhenReplayed() throws Exception {
        String parkedId = newGrievanceId();
        String otherId = newGrievanceId();
        publish(submitted(parkedId, UUID.randomUUID().toString()));
        awaitCase(parkedId);
        String supplementId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> brokenSupplement = intakeEvent("GrievanceSupplemented", parkedId, supplementId,
            "{\"grievanceId\": \"" + parkedId + "\", \"supplementedAt\": \"last Tuesday\", \"by\": \"WORKER\"}");
        ProducerRecord<String, byte[]> withdrawal = intakeEvent("GrievanceWithdrawn", parkedId, UUID.randomUUID().toString(),
            "{\"grievanceId\": \"" + parkedId + "\", \"withdrawnAt\": \"2026-12-02T03:00:00Z\", \"by\": \"WORKER\", "
                + "\"reason\": \"已与平台协商解决\"}");

        List<ConsumerRecord<String, byte[]>> dead;
        try (RecordingKafkaConsumer deadLetters = new RecordingKafkaConsumer(
            TestInfrastructure.get().kafkaBootstrapServers(), DEAD_LETTERS)) {
            publish(brokenSupplement);
            publish(withdrawal);
            publish(submitted(otherId, UUID.randomUUID().toString()));

            assertThat(awaitCase(otherId).json().get("state").asString()).isEqualTo("ASSIGNED");
            dead = deadLetters.await(r -> parkedId.equals(r.key()), 2, Duration.ofSeconds(30));
        }
        assertThat(dead).extracting(r -> header(r, "x-exception-fqcn")).containsExactly(
            "cn.huiyin.platform.messaging.inbound.MalformedEventException",
            "cn.huiyin.platform.messaging.inbound.ParkedBehindException");
        assertThat(awaitCase(parkedId).json().get("state").asString()).as("the withdrawal waits").isEqualTo("ASSIGNED");
        HttpJson anonymous = HttpJson.at(port).as(TriageTestKit.ADMIN);
        assertThat(anonymous.get("/actuator/health").json().at("/components/deadLetters/status").asString())
            .isEqualTo("DEGRADED");

        // The consumer was fixed (here: the supplement arrives as it should have) and the dead letters are replayed.
        ProducerRecord<String, byte[]> fixedSupplement = intakeEvent("GrievanceSupplemented", parkedId, supplementId,
            "{\"grievanceId\": \"" + parkedId + "\", \"supplementedAt\": \"2026-12-02T02:30:00Z\", \"by\": \"WORKER\", "
                + "\"text\": \"补充骑行轨迹截图\", \"evidenceCount\": 1}");
        publish(replayed(fixedSupplement));
        publish(replayed(withdrawal));

        JsonNode withdrawn = await().atMost(Duration.ofSeconds(30)).until(() -> awaitCase(parkedId).json(),
            view -> view.get("state").asString().equals("WITHDRAWN"));
        assertThat(withdrawn.get("history").valueStream().map(h -> h.get("action").asString())
            .filter(a -> a.equals("SUPPLEMENTED") || a.equals("WITHDRAWN"))).containsExactly("SUPPLEMENTED", "WITHDRAWN");
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.getCollection("parked_subjects")
            .countDocuments(new org.bson.Document("_id", parkedId)) == 0);
    }

    private static ProducerRecord<String, byte[]> intakeEvent(String type, String grievanceId, String eventId, String data) {
        CloudEvent event = new CloudEvent(eventId, "/huiyin/intake", "cn.huiyin.intake." + type + ".v1",
            TriageTestKit.now(), grievanceId, CloudEvent.JSON, data.getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, grievanceId, event.data());
        CloudEventKafkaHeaders.toHeaders(event).forEach(h -> record.headers().add(new RecordHeader(h.key(), h.value())));
        return record;
    }

    /** As {@code ./huiyin dlq replay} sends a dead letter back. */
    private static ProducerRecord<String, byte[]> replayed(ProducerRecord<String, byte[]> record) {
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(record.topic(), record.key(), record.value());
        record.headers().forEach(copy.headers()::add);
        copy.headers().add(new RecordHeader("huiyin_replay", "test".getBytes(StandardCharsets.UTF_8)));
        return copy;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var found = record.headers().lastHeader(name);
        return found == null ? null : new String(found.value(), StandardCharsets.UTF_8);
    }

    private HttpJson.Response awaitCase(String grievanceId) {
        HttpJson api = HttpJson.at(port).as(TriageTestKit.CITY_TRIAGE_OFFICER);
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
            .until(() -> api.get("/api/grievances/" + grievanceId), response -> response.status() == 200);
    }

    private double outcome(String outcome) {
        var counter = meters.find("huiyin.inbound.events").tag("consumer", "triage").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private void publish(ProducerRecord<String, byte[]> record) throws Exception {
        producer.send(record).get();
    }

    /** The contract's own example, renumbered, sent exactly as intake would send it. */
    static ProducerRecord<String, byte[]> submitted(String grievanceId, String eventId) throws Exception {
        String data = Files.readString(Path.of("../../contracts/events/intake/GrievanceSubmitted/examples/v1-rider-insurance-claim-window.json"))
            .replace("HY-20261120-000017", grievanceId)
            .replace("wk-3f9a1c07d2e84b6a90c15e2d", TriageTestKit.newWorkerRef());
        CloudEvent event = new CloudEvent(eventId, "/huiyin/intake", "cn.huiyin.intake.GrievanceSubmitted.v1",
            TriageTestKit.now(), grievanceId, CloudEvent.JSON, data.getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, grievanceId, event.data());
        CloudEventKafkaHeaders.toHeaders(event).forEach(h -> record.headers().add(new RecordHeader(h.key(), h.value())));
        return record;
    }

    static String newGrievanceId() {
        return TestIds.grievanceId(Instant.parse("2026-11-22T02:00:00Z"));
    }
}
