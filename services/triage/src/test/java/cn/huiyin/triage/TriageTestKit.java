package cn.huiyin.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import cn.huiyin.contracts.EventContracts;
import cn.huiyin.platform.messaging.cloudevents.CloudEvent;
import cn.huiyin.platform.messaging.cloudevents.CloudEventKafkaHeaders;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.TestIds;
import cn.huiyin.platform.test.TestInfrastructure;
import cn.huiyin.platform.test.TestUser;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the triage component tests share: intake's topic to publish on (as intake would), triage's topic to read, the
 * people of the demo city who call the API, and a check of every event against its contract.
 */
final class TriageTestKit implements AutoCloseable {

    static final String INTAKE_TOPIC = "huiyin.intake.grievance.v1";
    static final String TRIAGE_TOPIC = "huiyin.triage.case.v1";
    static final String ORGANISATION_TOPIC = "huiyin.triage.organisation.v1";
    static final JsonMapper JSON = new JsonMapper();
    static final EventContracts CONTRACTS = new EventContracts();

    /** The people of demo-users.json, as tokens describe them. */
    static final TestUser CITY_TRIAGE_OFFICER = TestUser.of("triage-officer", "org-city-swb", "510100");
    static final TestUser DISTRICT_TRIAGE_OFFICER = TestUser.of("triage-officer", "org-district-lqy", "510112");
    static final TestUser COMMITTEE_HANDLER = TestUser.of("org-handler", "org-committee-online-delivery", "510100");
    static final TestUser STREET_HANDLER = TestUser.of("org-handler", "org-street-damian", "510112002");
    static final TestUser ENTERPRISE_HANDLER = TestUser.of("org-handler", "org-ent-meituan", "510100");
    static final TestUser HRSS_LIAISON = TestUser.of("department-liaison", "org-dept-hrss", "510100");
    static final TestUser DISTRICT_SUPERVISOR = TestUser.of("supervisor", "org-district-lqy", "510112");
    static final TestUser ADMIN = TestUser.of("admin", "org-city-swb", "510100");

    /** The service's clock: grievances are filed "now" as the service sees it. */
    private static volatile Clock clock = Clock.systemUTC();

    private final int port;
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        "bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers(), "acks", "all"),
        new StringSerializer(), new ByteArraySerializer());

    TriageTestKit(int port, Clock serviceClock) {
        this.port = port;
        clock = serviceClock;
    }

    /** Now, as the service under test sees it. */
    static Instant now() {
        return clock.instant();
    }

    HttpJson as(TestUser user) {
        return HttpJson.at(port).as(user);
    }

    /** A grievance as intake publishes it: the contract's example, with the given changes and fresh ids. */
    static final class Submission {
        final ObjectNode data;

        private Submission() {
            try {
                data = (ObjectNode) JSON.readTree(Files.readString(
                    Path.of("../../contracts/events/intake/GrievanceSubmitted/examples/v1-rider-insurance-claim-window.json")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String id = newGrievanceId();
            data.put("grievanceId", id);
            data.put("trackingNumber", id);
            data.put("submittedAt", now().toString());
            ((ObjectNode) data.get("worker")).put("workerRef", newWorkerRef());
        }

        String id() {
            return data.get("grievanceId").asString();
        }

        Submission category(String category) {
            if (category == null) {
                data.remove("category");
            } else {
                data.put("category", category);
            }
            return this;
        }

        Submission description(String text) {
            data.put("description", text);
            return this;
        }

        Submission group(String group) {
            ((ObjectNode) data.get("worker")).put("group", group);
            return this;
        }

        Submission employer(String employer) {
            if (employer == null) {
                ((ObjectNode) data.get("worker")).remove("platformOrEmployer");
            } else {
                ((ObjectNode) data.get("worker")).put("platformOrEmployer", employer);
            }
            return this;
        }

        Submission worker(String workerRef) {
            ((ObjectNode) data.get("worker")).put("workerRef", workerRef);
            return this;
        }

        Submission place(String divisionCode) {
            ((ObjectNode) data.get("location")).put("divisionCode", divisionCode);
            return this;
        }

        Submission channel(String channel) {
            data.put("channel", channel);
            return this;
        }

        Submission address(String address) {
            ((ObjectNode) data.get("location")).put("address", address);
            return this;
        }

        Submission confidential(boolean confidential) {
            data.put("confidential", confidential);
            return this;
        }

        Submission submittedAt(Instant at) {
            data.put("submittedAt", at.toString());
            return this;
        }

        /** A row of a city's earlier ledger, imported by intake (channel LEDGER_IMPORT); closedAt null: still open. */
        Submission fromLedger(String number, Instant registeredAt, Instant closedAt) {
            data.put("channel", "LEDGER_IMPORT");
            ObjectNode ledger = data.putObject("externalReferences").putObject("ledger");
            ledger.put("source", "jinchang-12328-2025");
            ledger.put("number", number);
            ledger.put("registeredAt", registeredAt.toString());
            ledger.put("status", closedAt == null ? "OPEN" : "CLOSED");
            if (closedAt != null) {
                ledger.put("closedAt", closedAt.toString());
            }
            return this;
        }
    }

    static Submission grievance() {
        return new Submission();
    }

    /** Publishes on intake's topic exactly as intake does; returns the grievance id. */
    String submit(Submission submission) {
        publish("cn.huiyin.intake.GrievanceSubmitted.v1", submission.id(), submission.data.toString());
        return submission.id();
    }

    void publish(String type, String grievanceId, String json) {
        publish(INTAKE_TOPIC, "/huiyin/intake", type, grievanceId, json);
    }

    /** As triage's own relay publishes a case event (e.g. after a restart). */
    void publishOnTriageTopic(String type, String grievanceId, String json) {
        publish(TRIAGE_TOPIC, "/huiyin/triage", type, grievanceId, json);
    }

    private void publish(String topic, String source, String type, String grievanceId, String json) {
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), source, type, now(),
            grievanceId, CloudEvent.JSON, json.getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, grievanceId, event.data());
        CloudEventKafkaHeaders.toHeaders(event).forEach(h -> record.headers().add(new RecordHeader(h.key(), h.value())));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Submits and waits until triage shows the case to a city triage officer. */
    JsonNode submitAndAwait(Submission submission) {
        String id = submit(submission);
        return awaitCase(id, CITY_TRIAGE_OFFICER);
    }

    JsonNode awaitCase(String grievanceId, TestUser user) {
        HttpJson api = as(user);
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
            .until(() -> api.get("/api/grievances/" + grievanceId), r -> r.status() == 200).json();
    }

    /**
     * An inbox page once it satisfies {@code ready}: a consumer stores the case first and its inbox entries right
     * after, so a case may be readable a moment before its inbox shows it.
     */
    JsonNode awaitInbox(TestUser user, String pathAndQuery, Predicate<JsonNode> ready) {
        HttpJson api = as(user);
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
            .until(() -> api.get(pathAndQuery).json(), ready);
    }

    /**
     * Triage's events about one grievance, in order, once {@code count} have arrived; each is checked against its
     * contract and named no one.
     */
    static List<ConsumerRecord<String, byte[]>> events(String grievanceId, int count) {
        List<ConsumerRecord<String, byte[]>> records = TriageTopic.get().await(r -> grievanceId.equals(r.key()), count,
            Duration.ofSeconds(30));
        assertThat(records).as("events of %s", grievanceId).hasSizeGreaterThanOrEqualTo(count);
        records.forEach(TriageTestKit::assertMeetsItsContract);
        return records;
    }

    /**
     * The first event of {@code type} (e.g. {@code AssignmentAccepted}) about one grievance that satisfies
     * {@code match}, once it has arrived; every event of the grievance is checked against its contract.
     */
    static JsonNode event(String grievanceId, String type, Predicate<JsonNode> match) {
        List<ConsumerRecord<String, byte[]>> records = TriageTopic.get().await(r -> grievanceId.equals(r.key()), r -> r.stream()
            .anyMatch(e -> type(e).equals(type) && match.test(data(e))), Duration.ofSeconds(30));
        records.forEach(TriageTestKit::assertMeetsItsContract);
        return records.stream().filter(e -> type(e).equals(type)).map(TriageTestKit::data).filter(match).findFirst()
            .orElseThrow(() -> new AssertionError("no " + type + " for " + grievanceId + " among "
                + records.stream().map(TriageTestKit::type).toList()));
    }

    static JsonNode event(String grievanceId, String type) {
        return event(grievanceId, type, data -> true);
    }

    /**
     * The {@code OrganisationUpdated} of organisation {@code id} with this revision, once it has arrived; every event
     * about the organisation is checked against its contract.
     */
    static JsonNode organisationUpdated(String id, long revision) {
        Predicate<JsonNode> wanted = data -> data.get("revision").asLong() == revision;
        List<ConsumerRecord<String, byte[]>> records = TriageTopic.organisations().await(r -> id.equals(r.key()),
            all -> all.stream().map(TriageTestKit::data).anyMatch(wanted), Duration.ofSeconds(30));
        records.forEach(TriageTestKit::assertMeetsItsContract);
        return records.stream().map(TriageTestKit::data).filter(wanted).findFirst()
            .orElseThrow(() -> new AssertionError("no revision " + revision + " of " + id + " among "
                + records.stream().map(TriageTestKit::data).toList()));
    }

    static void assertMeetsItsContract(ConsumerRecord<String, byte[]> record) {
        String type = header(record, "ce_type");
        String data = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(CONTRACTS.validate(type, data)).as("%s %s", type, data).isEmpty();
        assertThat(header(record, "ce_source")).isEqualTo("/huiyin/triage");
        assertThat(header(record, "ce_subject")).isEqualTo(record.key());
        assertThat(data).doesNotContainPattern("1[3-9][0-9]{9}").doesNotContain("李明");
    }

    static String type(ConsumerRecord<String, byte[]> record) {
        return header(record, "ce_type").replace("cn.huiyin.triage.", "").replace(".v1", "");
    }

    static JsonNode data(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    static String newGrievanceId() {
        return TestIds.grievanceId(now());
    }

    static String newWorkerRef() {
        return TestIds.workerRef();
    }

    /** Beijing wall-clock time as an instant. */
    static Instant beijing(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    static List<String> fields(JsonNode problem) {
        return problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Override
    public void close() {
        producer.close();
    }
}
