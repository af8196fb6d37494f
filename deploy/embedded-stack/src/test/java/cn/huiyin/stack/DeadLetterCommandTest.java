package cn.huiyin.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.huiyin.platform.messaging.cloudevents.CloudEvent;
import cn.huiyin.platform.messaging.cloudevents.CloudEventKafkaHeaders;
import cn.huiyin.platform.test.HttpJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** {@code ./huiyin dlq}: a dead letter whose cause has since been fixed is replayed and then processed. */
class DeadLetterCommandTest {

    private final TheLoop loop = TheLoop.get();

    @Test
    void theOriginalTopicIsReadFromTheDeadLetterTopicsName() {
        assertThat(DeadLetterCommand.originalTopic("error.huiyin.intake.grievance.v1.triage"))
            .isEqualTo("huiyin.intake.grievance.v1");
    }

    @Test
    void aReplayedDeadLetterIsProcessedByItsConsumer() throws Exception {
        String grievanceId = "HY-20261122-9" + String.format("%05d", (int) (Math.random() * 99_999));
        String deadLetters = "error.huiyin.intake.grievance.v1.triage";
        String data = ThinPathTest.readExampleEvent().replace("HY-20261120-000017", grievanceId);
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), "/huiyin/intake",
            "cn.huiyin.intake.GrievanceSubmitted.v1", Instant.now(), grievanceId, CloudEvent.JSON,
            data.getBytes(StandardCharsets.UTF_8));
        // As the binder writes it: the event's own headers plus the failure that sent it here.
        ProducerRecord<String, byte[]> deadLetter = new ProducerRecord<>(deadLetters, grievanceId, event.data());
        CloudEventKafkaHeaders.toHeaders(event).forEach(h -> deadLetter.headers().add(new RecordHeader(h.key(), h.value())));
        deadLetter.headers().add("x-original-topic", "huiyin.intake.grievance.v1".getBytes(StandardCharsets.UTF_8));
        deadLetter.headers().add("x-exception-message", "MongoDB timed out".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
            loop.infrastructure.kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(deadLetter).get();
        }
        HttpJson triage = TheLoop.http(loop.triage, "triage-officer");
        assertThat(triage.get("/api/grievances/" + grievanceId).status()).isEqualTo(404);

        String listing = run("list", deadLetters);
        String replay = run("replay", deadLetters);

        assertThat(listing).contains(grievanceId).contains("MongoDB timed out");
        assertThat(replay).contains("to huiyin.intake.grievance.v1");
        await().atMost(Duration.ofSeconds(30)).until(() -> triage.get("/api/grievances/" + grievanceId).status() == 200);
    }

    private String run(String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            StackLayout layout = new StackLayout(Path.of("."), Path.of("target/data"), 0, 0, 0, 0, List.of(), "");
            int exit = new DeadLetterCommand(layout, loop.infrastructure.kafkaBootstrapServers()).run(args);
            assertThat(exit).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
