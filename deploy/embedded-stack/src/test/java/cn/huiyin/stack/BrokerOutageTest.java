package cn.huiyin.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.RecordingKafkaConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Nothing lost, nothing doubled: grievances accepted while the broker is down wait in intake's outbox, and once the
 * broker is back each reaches triage exactly once, in a single record on the topic.
 */
class BrokerOutageTest {

    private static final int GRIEVANCES = 100;

    private final TheLoop loop = TheLoop.get();

    @Test
    void aHundredGrievancesFiledDuringAnOutageAllReachTriageExactlyOnce() {
        HttpJson intake = TheLoop.http(loop.intake, "window-clerk");
        HttpJson triage = TheLoop.http(loop.triage, "triage-officer");
        // Make sure the loop is warm and consuming before the broker goes away.
        String warmUp = intake.post("/api/grievances", ThinPathTest.GRIEVANCE).json().get("trackingNumber").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> triage.get("/api/grievances/" + warmUp).status() == 200);

        List<String> ids = new ArrayList<>();
        loop.infrastructure.kafka().interrupt();
        try {
            for (int i = 0; i < GRIEVANCES; i++) {
                HttpJson.Response filed = intake.post("/api/grievances", ThinPathTest.GRIEVANCE);
                assertThat(filed.status()).isEqualTo(201);
                ids.add(filed.json().get("trackingNumber").asString());
            }
            HttpJson.Response readiness = await().atMost(Duration.ofSeconds(20))
                .until(() -> intake.get("/actuator/health/readiness"),
                    r -> "DEGRADED".equals(r.json().at("/components/kafka/status").asString()));
            assertThat(readiness.status()).as("intake stays ready while Kafka is away").isEqualTo(200);
            assertThat(readiness.json().get("status").asString()).isEqualTo("DEGRADED");
            assertThat(TheLoop.mongo(loop.intake).getCollection("grievances")
                .countDocuments(new Document("outbox.0", new Document("$exists", true)))).isGreaterThan(0);
        } finally {
            loop.infrastructure.kafka().resume();
        }

        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            assertThat(ids).allSatisfy(id -> assertThat(triage.get("/api/grievances/" + id).status()).isEqualTo(200)));
        System.out.printf("Outage: all %d grievances triaged %.1f s after the broker came back%n", GRIEVANCES,
            (System.nanoTime() - start) / 1e9);

        MongoTemplate triageDb = TheLoop.mongo(loop.triage);
        for (String id : ids) {
            Document triageCase = triageDb.getCollection("cases").find(new Document("_id", id)).first();
            assertThat(triageCase.get("version", Number.class).longValue()).as(id).isZero();
        }
        try (RecordingKafkaConsumer reader = new RecordingKafkaConsumer(loop.infrastructure.kafkaBootstrapServers(),
            "huiyin.intake.grievance.v1")) {
            Set<String> wanted = Set.copyOf(ids);
            reader.await(r -> wanted.contains(r.key()), GRIEVANCES, Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> records = reader.drain(r -> wanted.contains(r.key()), Duration.ofSeconds(2));
            // One event per grievance. A send whose acknowledgement the outage swallowed is sent again with the same
            // event id (at least once, as Kafka promises without transactions): a redelivery, which the case's
            // applied sequence below shows had no second effect.
            Map<String, Long> perGrievance = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8),
                    Collectors.collectingAndThen(Collectors.toSet(), eventIds -> (long) eventIds.size()))));
            assertThat(perGrievance).hasSize(GRIEVANCES).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
            // Each case records the one intake event it applied: the grievance's first, in the same write as the case.
            for (ConsumerRecord<String, byte[]> record : records) {
                Document applied = triageDb.getCollection("cases").find(new Document("_id", record.key())).first()
                    .get("applied", Document.class);
                assertThat(applied.values()).as(record.key()).containsExactly(1L);
                assertThat(new String(record.headers().lastHeader("ce_sequence").value(), StandardCharsets.UTF_8))
                    .isEqualTo("0000000000000000001");
            }
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
            TheLoop.mongo(loop.intake).getCollection("grievances")
                .countDocuments(new Document("outbox.0", new Document("$exists", true)))).isZero());
    }
}
