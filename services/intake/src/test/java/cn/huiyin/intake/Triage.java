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

/**
 * Triage (and follow-up), as intake's tests need them: their own contract examples, about a given grievance, sent as
 * they send them.
 */
final class Triage {

    private Triage() {
    }

    /** Publishes {@code contracts/events/triage/<example>} as event {@code event} about {@code grievanceId}. */
    static void publish(String grievanceId, String event, String example) throws Exception {
        publish("triage", "huiyin.triage.case.v1", grievanceId, event, example, UUID.randomUUID().toString());
    }

    /**
     * Publishes {@code contracts/events/<service>/<example>} to {@code topic} as that service sends it, with event id
     * {@code eventId} (the same id twice: a redelivery).
     */
    static void publish(String service, String topic, String grievanceId, String event, String example, String eventId)
        throws Exception {
        String data = Files.readString(Path.of("../../contracts/events/" + service + "/" + example))
            .replaceAll("\"grievanceId\"\\s*:\\s*\"HY-\\d{8}-\\d{6}\"", "\"grievanceId\": \"" + grievanceId + "\"");
        CloudEvent cloudEvent = new CloudEvent(eventId, "/huiyin/" + service,
            "cn.huiyin." + service.replace("-", "") + "." + event + ".v1", TestInstants.DEFAULT, grievanceId,
            CloudEvent.JSON, data.getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, grievanceId, cloudEvent.data());
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
