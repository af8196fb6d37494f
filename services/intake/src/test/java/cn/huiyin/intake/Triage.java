package cn.huiyin.intake;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import cn.huiyin.platform.messaging.cloudevents.CloudEvent;
import cn.huiyin.platform.messaging.cloudevents.CloudEventKafkaHeaders;
import cn.huiyin.platform.test.TestInfrastructure;
import cn.huiyin.platform.test.TestInstants;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Triage, as intake's tests need it: its own contract examples, about a given grievance, sent as triage sends them. */
final class Triage {

    private static final String EXAMPLES = "../../contracts/events/triage/";

    private Triage() {
    }

    /** Publishes {@code contracts/events/triage/<example>} as event {@code event} about {@code grievanceId}. */
    static void publish(String grievanceId, String event, String example) throws Exception {
        String data = Files.readString(Path.of(EXAMPLES + example))
            .replaceAll("\"grievanceId\"\\s*:\\s*\"HY-\\d{8}-\\d{6}\"", "\"grievanceId\": \"" + grievanceId + "\"");
        CloudEvent cloudEvent = new CloudEvent(UUID.randomUUID().toString(), "/huiyin/triage",
            "cn.huiyin.triage." + event + ".v1", TestInstants.DEFAULT, grievanceId, CloudEvent.JSON,
            data.getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("huiyin.triage.case.v1", grievanceId, cloudEvent.data());
        CloudEventKafkaHeaders.toHeaders(cloudEvent).forEach(h -> record.headers().add(new RecordHeader(h.key(), h.value())));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
            TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        }
    }

    /** The committee leads, 人社 and 美团's party organisation co-handle. */
    static void assignToTheCommitteeWithMeituan(String grievanceId) throws Exception {
        publish(grievanceId, "GrievanceAssigned", "GrievanceAssigned/examples/v1-rider-claim-to-online-delivery-committee.json");
    }
}
