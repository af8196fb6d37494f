package cn.huiyin.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import cn.huiyin.contracts.EventContracts;
import cn.huiyin.platform.messaging.cloudevents.CloudEvent;
import cn.huiyin.platform.messaging.cloudevents.CloudEventKafkaHeaders;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.RecordingKafkaConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A grievance filed at intake crosses the real broker and is triaged and counted, as in the running system. */
class ThinPathTest {

    static final String GRIEVANCE = readExample();

    private final TheLoop loop = TheLoop.get();

    @Test
    void aGrievanceFiledAtTheWindowIsTriagedAndCounted() {
        HttpJson intake = TheLoop.http(loop.intake, "window-clerk");
        HttpJson triage = TheLoop.http(loop.triage, "triage-officer");
        long countedBefore = TheLoop.http(loop.dashboard, "dashboard-viewer").get("/api/dashboard/intake").json().get("total").asLong();

        long start = System.nanoTime();
        String id = intake.post("/api/grievances", GRIEVANCE).json().get("trackingNumber").asString();
        JsonNode triaged = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
            .until(() -> triage.get("/api/grievances/" + id), r -> r.status() == 200).json();
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("Thin path: %s visible in triage %d ms after it was filed%n", id, millis);
        // Triaged (classified, prioritised, deadlines set) and, in the same step, routed to the responsible committee.
        assertThat(triaged.get("history").get(0).get("action").asString()).isEqualTo("TRIAGED");
        assertThat(triaged.get("triagedAt").isNull()).isFalse();
        assertThat(triaged.get("state").asString()).isEqualTo("ASSIGNED");
        assertThat(triaged.get("assignment").get("organisation").get("id").asString())
            .isEqualTo("org-committee-online-delivery");
        assertThat(triaged.get("category").asString()).isEqualTo("INJURY_INSURANCE");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
            TheLoop.http(loop.dashboard, "dashboard-viewer").get("/api/dashboard/intake").json().get("total").asLong())
            .isEqualTo(countedBefore + 1));
    }

    @Test
    void anIndependentReaderSeesValidCloudEventsWhoseDataMeetsTheContract() {
        HttpJson intake = TheLoop.http(loop.intake, "window-clerk");
        String id = intake.post("/api/grievances", GRIEVANCE).json().get("trackingNumber").asString();
        EventContracts contracts = new EventContracts();

        try (RecordingKafkaConsumer reader = new RecordingKafkaConsumer(loop.infrastructure.kafkaBootstrapServers(),
            "huiyin.intake.grievance.v1")) {
            List<ConsumerRecord<String, byte[]>> records = reader.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(records).hasSize(1);

            for (ConsumerRecord<String, byte[]> record : reader.drain(r -> true, Duration.ofSeconds(1))) {
                CloudEvent event = CloudEventKafkaHeaders.fromHeaders(record.headers(), record.value());
                assertThat(event.subject()).isEqualTo(record.key());
                assertThat(event.dataContentType()).isEqualTo("application/json");
                assertThat(contracts.validate(event.type(), new String(record.value(), StandardCharsets.UTF_8)))
                    .as("%s %s", event.type(), event.id()).isEmpty();
            }
        }
    }

    static String readExample() {
        return read("../../docs/examples/rider-insurance-claim.json");
    }

    static String readExampleEvent() {
        return read("../../contracts/events/intake/GrievanceSubmitted/examples/v1-rider-insurance-claim-window.json");
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
