package cn.huiyin.dashboard;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import cn.huiyin.platform.messaging.cloudevents.CloudEvent;
import cn.huiyin.platform.messaging.cloudevents.CloudEventKafkaHeaders;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.TestIds;
import cn.huiyin.platform.test.TestInfrastructure;
import cn.huiyin.platform.test.TestUser;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the dashboard's scenarios share: the other services' topics to publish on, as intake, triage, follow-up and
 * joint-meeting would (from their contracts' examples, numbered per aggregate like the outbox does), and the API.
 */
final class DashboardKit implements AutoCloseable {

    static final String INTAKE = "huiyin.intake.grievance.v1";
    static final String TRIAGE = "huiyin.triage.case.v1";
    static final String FOLLOW_UP = "huiyin.followup.case.v1";
    static final String MEETINGS = "huiyin.jointmeeting.meeting.v1";
    static final String ORGANISATIONS = "huiyin.triage.organisation.v1";
    static final JsonMapper JSON = new JsonMapper();
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** A grievance's life as the kit publishes it. */
    record Life(String channel, String divisionCode, String category, String organisationId, String solved,
                String satisfaction, String outcome) {
    }

    private final int port;
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        "bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers(), "acks", "all"),
        new StringSerializer(), new ByteArraySerializer());

    DashboardKit(int port) {
        this.port = port;
    }

    HttpJson as(TestUser user) {
        return HttpJson.at(port).as(user);
    }

    /** Answers of {@code path} as {@code user}, once {@code ready} holds. */
    JsonNode awaitJson(TestUser user, String path, Predicate<JsonNode> ready) {
        HttpJson api = as(user);
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
            .until(() -> api.get(path), r -> r.status() == 200 && ready.test(r.json())).json();
    }

    // ---- the organisation registry (triage) ----------------------------------------------------------------------

    void organisation(String id, String name, String type, String parentId, String jurisdiction, long revision) {
        ObjectNode organisation = JSON.createObjectNode().put("organisationId", id).put("name", name)
            .put("nameEn", name).put("type", type);
        if (parentId != null) {
            organisation.put("parentId", parentId);
        }
        organisation.putArray("ancestors");
        organisation.putArray("jurisdiction").add(jurisdiction);
        organisation.putArray("competences");
        organisation.putArray("workerGroups");
        organisation.put("businessHours", "09:00-12:00,13:30-17:30").put("active", true).put("revision", revision)
            .put("updatedAt", "2026-11-28T08:00:00Z");
        publish(ORGANISATIONS, "/huiyin/triage", "cn.huiyin.triage.OrganisationUpdated.v1", id, id, organisation);
    }

    // ---- a grievance's life --------------------------------------------------------------------------------------

    /** Intake's submission of a truck driver's complaint (from the 12328 example). */
    String submit(Instant at, String channel, String divisionCode, String category, String workerGroup) {
        String id = newGrievanceId(at);
        ObjectNode submitted = example("intake/GrievanceSubmitted/examples/v1-truck-driver-12328-minimal.json");
        submitted.put("grievanceId", id).put("trackingNumber", id).put("submittedAt", at.toString())
            .put("channel", channel).put("category", category);
        ((ObjectNode) submitted.get("worker")).put("workerRef", newWorkerRef()).put("group", workerGroup);
        ((ObjectNode) submitted.get("location")).put("divisionCode", divisionCode);
        publish(INTAKE, "/huiyin/intake", "cn.huiyin.intake.GrievanceSubmitted.v1", id, id, submitted);
        return id;
    }

    /**
     * Intake's filing of a row imported from a city's earlier ledger (台账) at {@code importedAt}: registered there at
     * {@code registeredAt}, and closed there at {@code closedAt} (null: still open).
     */
    String importFromLedger(Instant importedAt, Instant registeredAt, Instant closedAt, String divisionCode) {
        String id = newGrievanceId(importedAt);
        ObjectNode submitted = example("intake/GrievanceSubmitted/examples/v1-ledger-import-closed-wage-arrears.json");
        submitted.put("grievanceId", id).put("trackingNumber", id).put("submittedAt", importedAt.toString());
        ((ObjectNode) submitted.get("worker")).put("workerRef", newWorkerRef());
        ((ObjectNode) submitted.get("location")).put("divisionCode", divisionCode);
        ObjectNode ledger = (ObjectNode) submitted.at("/externalReferences/ledger");
        ledger.put("number", "JC-" + id).put("registeredAt", registeredAt.toString());
        if (closedAt == null) {
            ledger.put("status", "OPEN").remove("closedAt");
        } else {
            ledger.put("closedAt", closedAt.toString());
        }
        publish(INTAKE, "/huiyin/intake", "cn.huiyin.intake.GrievanceSubmitted.v1", id, id, submitted);
        return id;
    }

    /** Triage classifies and assigns it; the organisation signs for it. */
    void triage(String id, Instant at, String category, String divisionCode, String organisationId) {
        ObjectNode triaged = example("triage/GrievanceTriaged/examples/v1-truck-driver-classified-by-keywords.json");
        triaged.put("grievanceId", id).put("triagedAt", at.toString()).put("category", category)
            .put("workerGroup", "TRUCK_DRIVER").put("divisionCode", divisionCode)
            .put("responseDueAt", at.plus(Duration.ofHours(4)).toString())
            .put("resolutionDueAt", at.plus(Duration.ofDays(5)).toString());
        publish(TRIAGE, "/huiyin/triage", "cn.huiyin.triage.GrievanceTriaged.v1", id, id, triaged);
        ObjectNode assigned = example("triage/GrievanceAssigned/examples/v1-rider-claim-to-online-delivery-committee.json");
        assigned.put("grievanceId", id).put("assignedAt", at.toString()).put("category", category)
            .put("responseDueAt", at.plus(Duration.ofHours(4)).toString())
            .put("resolutionDueAt", at.plus(Duration.ofDays(5)).toString());
        assigned.set("organisation", org(organisationId));
        assigned.putArray("coHandlers");
        publish(TRIAGE, "/huiyin/triage", "cn.huiyin.triage.GrievanceAssigned.v1", id, id, assigned);
        ObjectNode accepted = example("triage/AssignmentAccepted/examples/v1-committee-signs-for.json");
        accepted.put("grievanceId", id).put("acceptedAt", at.plus(Duration.ofMinutes(20)).toString());
        accepted.set("organisation", org(organisationId));
        publish(TRIAGE, "/huiyin/triage", "cn.huiyin.triage.AssignmentAccepted.v1", id, id, accepted);
    }

    /** Follow-up: first contact within the limit, resolved, called back with the worker's answers. */
    void handle(String id, Instant at, String organisationId, String solved, String satisfaction) {
        ObjectNode responded = example("follow-up/FirstResponseRecorded/examples/v1-committee-calls-the-rider.json");
        responded.put("grievanceId", id).put("contactedAt", at.plus(Duration.ofMinutes(40)).toString())
            .put("withinLimit", true).put("workingMinutes", 40);
        responded.set("organisation", org(organisationId));
        publish(FOLLOW_UP, "/huiyin/follow-up", "cn.huiyin.followup.FirstResponseRecorded.v1", id, id, responded);
        ObjectNode resolved = example("follow-up/GrievanceResolved/examples/v1-claim-paid.json");
        resolved.put("grievanceId", id).put("resolvedAt", at.plus(Duration.ofHours(20)).toString())
            .put("withinLimit", true);
        resolved.set("organisation", org(organisationId));
        publish(FOLLOW_UP, "/huiyin/follow-up", "cn.huiyin.followup.GrievanceResolved.v1", id, id, resolved);
        ObjectNode callback = example("follow-up/CallbackRecorded/examples/v1-rider-satisfied.json");
        callback.put("grievanceId", id).put("recordedAt", at.plus(Duration.ofHours(22)).toString())
            .put("solved", solved).put("satisfaction", satisfaction);
        publish(FOLLOW_UP, "/huiyin/follow-up", "cn.huiyin.followup.CallbackRecorded.v1", id, id, callback);
    }

    /** Follow-up closes the case with {@code outcome} and the callback's answers. */
    void close(String id, Instant at, String organisationId, String outcome, String solved, String satisfaction) {
        ObjectNode closed = example("follow-up/GrievanceClosed/examples/v1-resolved-and-satisfied.json");
        closed.put("grievanceId", id).put("closedAt", at.plus(Duration.ofHours(23)).toString()).put("outcome", outcome)
            .put("solved", solved).put("satisfaction", satisfaction);
        closed.set("organisation", org(organisationId));
        publish(FOLLOW_UP, "/huiyin/follow-up", "cn.huiyin.followup.GrievanceClosed.v1", id, id, closed);
    }

    /** A whole life: submitted at {@code at}, triaged, handled, called back and closed within the day after. */
    String live(Instant at, Life life) {
        String id = submit(at, life.channel(), life.divisionCode(), life.category(), "TRUCK_DRIVER");
        triage(id, at.plusSeconds(1), life.category(), life.divisionCode(), life.organisationId());
        handle(id, at, life.organisationId(), life.solved(), life.satisfaction());
        if (life.outcome() != null) {
            close(id, at, life.organisationId(), life.outcome(), life.solved(), life.satisfaction());
        }
        return id;
    }

    // ---- publishing ----------------------------------------------------------------------------------------------

    /** Publishes an event as its producer's outbox would (numbered per aggregate); returns it for a re-send. */
    CloudEvent publish(String topic, String source, String type, String key, String aggregateId, JsonNode data) {
        long sequence = sequences.merge(source + "|" + aggregateId, 1L, Long::sum);
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), source, type, Instant.parse("2026-12-02T02:00:00Z"),
            key, CloudEvent.JSON, data.toString().getBytes(StandardCharsets.UTF_8), aggregateId, sequence);
        send(topic, key, event);
        return event;
    }

    /** Sends an event (again): what a producer that crashed before its outbox confirmed the send would do. */
    void send(String topic, String key, CloudEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, event.data());
        CloudEventKafkaHeaders.toHeaders(event).forEach(h -> record.headers().add(new RecordHeader(h.key(), h.value())));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode org(String id) {
        return JSON.createObjectNode().put("id", id).put("name", id).put("type", "INDUSTRY_COMMITTEE");
    }

    static ObjectNode example(String path) {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(Path.of("../../contracts/events/" + path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String newGrievanceId(Instant at) {
        return TestIds.grievanceId(at);
    }

    static String newWorkerRef() {
        return TestIds.workerRef();
    }

    /** Beijing wall-clock time as an instant. */
    static Instant beijing(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(BEIJING).toInstant();
    }

    static double figure(JsonNode row, String metric) {
        return row.get("figures").get(metric).get("value").asDouble();
    }

    static long numerator(JsonNode row, String metric) {
        return row.get("figures").get(metric).get("numerator").asLong();
    }

    static List<JsonNode> rows(JsonNode table) {
        return table.get("rows").valueStream().toList();
    }

    @Override
    public void close() {
        producer.close();
    }
}
