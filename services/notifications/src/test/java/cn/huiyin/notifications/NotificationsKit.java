package cn.huiyin.notifications;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import cn.huiyin.platform.embedded.EmbeddedSmtpServer;
import cn.huiyin.platform.messaging.cloudevents.CloudEvent;
import cn.huiyin.platform.messaging.cloudevents.CloudEventKafkaHeaders;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.TestIdentityProvider;
import cn.huiyin.platform.test.TestIds;
import cn.huiyin.platform.test.TestInfrastructure;
import cn.huiyin.platform.test.TestUser;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What notifications' scenarios share: the other services' events, read from their contracts' examples and published
 * on their topics as those services would, the SMS and mail files to read back, and the API.
 */
final class NotificationsKit implements AutoCloseable {

    static final String INTAKE = "huiyin.intake.grievance.v1";
    static final String TRIAGE = "huiyin.triage.case.v1";
    static final String FOLLOW_UP = "huiyin.followup.case.v1";
    static final String MEETINGS = "huiyin.jointmeeting.meeting.v1";
    static final JsonMapper JSON = new JsonMapper();
    /** Where every test context's channels write (one directory per test JVM; tests tell their lines by grievance). */
    static final Path SINKS = Path.of("target", "sinks-" + UUID.randomUUID().toString().substring(0, 8));
    /** The SMTP receiver every test context's mail goes to over a socket (the embedded stack runs the same one). */
    static final EmbeddedSmtpServer SMTP = EmbeddedSmtpServer.onFreePort(SINKS.resolve("mail")).start();

    private final int port;
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());

    NotificationsKit(int port) {
        this.port = port;
    }

    static String newGrievanceId() {
        return TestIds.grievanceId(Instant.parse("2026-12-02T02:00:00Z"));
    }

    /** A contract example, e.g. {@code follow-up/GrievanceResolved/examples/v1-claim-paid.json}. */
    static ObjectNode example(String path) {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(Path.of("../../contracts/events/" + path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes an event as its producer would (CloudEvents binary mode); returns its id. */
    String publish(String topic, String source, String type, String key, JsonNode data, Instant time) {
        return publish(topic, source, type, key, data, time, UUID.randomUUID().toString());
    }

    String publish(String topic, String source, String type, String key, JsonNode data, Instant time, String id) {
        CloudEvent event = new CloudEvent(id, source, type, time, key, CloudEvent.JSON,
            data.toString().getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, event.data());
        CloudEventKafkaHeaders.toHeaders(event).forEach(h -> record.headers().add(new RecordHeader(h.key(), h.value())));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    String submitted(String grievanceId, Instant at, boolean confidential) {
        ObjectNode data = example("intake/GrievanceSubmitted/examples/v1-rider-insurance-claim-window.json");
        data.put("grievanceId", grievanceId).put("trackingNumber", grievanceId).put("submittedAt", at.toString())
            .put("confidential", confidential);
        ((ObjectNode) data.get("worker")).put("workerRef", workerRef(grievanceId));
        return publish(INTAKE, "/huiyin/intake", "cn.huiyin.intake.GrievanceSubmitted.v1", grievanceId, data, at);
    }

    /** A row of a city's earlier ledger, as intake files it on import: closed there, or still open. */
    String importedFromLedger(String grievanceId, Instant at, boolean closedInLedger) {
        ObjectNode data = example("intake/GrievanceSubmitted/examples/v1-ledger-import-closed-wage-arrears.json");
        data.put("grievanceId", grievanceId).put("trackingNumber", grievanceId).put("submittedAt", at.toString());
        ((ObjectNode) data.get("worker")).put("workerRef", workerRef(grievanceId));
        ObjectNode ledger = (ObjectNode) data.at("/externalReferences/ledger");
        ledger.put("number", "JC-" + grievanceId);
        if (!closedInLedger) {
            ledger.put("status", "OPEN").remove("closedAt");
        }
        return publish(INTAKE, "/huiyin/intake", "cn.huiyin.intake.GrievanceSubmitted.v1", grievanceId, data, at);
    }

    /** Each test grievance has its own worker, so one test's messages never count against another's rate limit. */
    static String workerRef(String grievanceId) {
        return "wk-" + Integer.toHexString(grievanceId.hashCode());
    }

    String signedFor(String grievanceId, Instant at) {
        ObjectNode data = example("triage/AssignmentAccepted/examples/v1-committee-signs-for.json");
        data.put("grievanceId", grievanceId).put("acceptedAt", at.toString());
        return publish(TRIAGE, "/huiyin/triage", "cn.huiyin.triage.AssignmentAccepted.v1", grievanceId, data, at);
    }

    /** Publishes a follow-up event from its contract example about {@code grievanceId} (time fields as given). */
    String followUp(String event, String example, String grievanceId, Map<String, String> fields, Instant at) {
        ObjectNode data = example("follow-up/" + event + "/examples/" + example);
        data.put("grievanceId", grievanceId);
        fields.forEach(data::put);
        return publish(FOLLOW_UP, "/huiyin/follow-up", "cn.huiyin.followup." + event + ".v1", grievanceId, data, at);
    }

    /** The SMS written for one mobile, in order. */
    static List<JsonNode> sms(String mobile) {
        return lines("sms.log").stream().filter(l -> l.path("to").asString().equals(mobile)).toList();
    }

    /** The e-mail the SMTP receiver got for {@code to} whose body contains {@code containing}, in order. */
    static List<JsonNode> mail(String to, String containing) {
        return SMTP.messages().stream().map(NotificationsKit::readMail)
            .filter(m -> m.path("to").asString().equals(to) && m.path("body").asString().contains(containing))
            .toList();
    }

    /** A stored message as the receiver wrote it, parsed like a mail program would: to, subject, body, sent date. */
    static JsonNode readMail(Path file) {
        try (var in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            return JSON.createObjectNode()
                .put("file", file.getFileName().toString())
                .put("to", ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress())
                .put("envelopeTo", message.getHeader("X-Huiyin-Envelope-To", ","))
                .put("from", message.getFrom()[0].toString())
                .put("subject", message.getSubject())
                .put("messageId", message.getMessageID())
                .put("body", (String) message.getContent())
                .put("at", message.getSentDate().toInstant().toString());
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    static List<JsonNode> lines(String file) {
        Path path = SINKS.resolve(file);
        if (!Files.exists(path)) {
            return List.of();
        }
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .map(l -> (JsonNode) JSON.readTree(l)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> awaitSms(String mobile, Predicate<List<JsonNode>> done) {
        return await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100))
            .until(() -> sms(mobile), done::test);
    }

    HttpJson as(TestUser user) {
        return HttpJson.at(port).withToken(TestIdentityProvider.get().token(user));
    }

    @Override
    public void close() {
        producer.close();
    }
}
