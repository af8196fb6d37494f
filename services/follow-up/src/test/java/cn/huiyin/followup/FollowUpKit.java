package cn.huiyin.followup;

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

import cn.huiyin.platform.calendar.BusinessHours;
import cn.huiyin.platform.calendar.ChinaCalendar;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What follow-up's scenarios share: the other services' topics to publish on (as intake, triage and joint-meeting
 * would, from their contracts' examples), the people of the demo city who call the API, and follow-up's topic to read.
 */
final class FollowUpKit implements AutoCloseable {

    static final String INTAKE_TOPIC = "huiyin.intake.grievance.v1";
    static final String TRIAGE_TOPIC = "huiyin.triage.case.v1";
    static final String ORGANISATION_TOPIC = "huiyin.triage.organisation.v1";
    static final String MEETING_TOPIC = "huiyin.jointmeeting.meeting.v1";
    static final JsonMapper JSON = new JsonMapper();
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final ChinaCalendar CALENDAR = ChinaCalendar.builtIn();

    /** The people of the demo city, as their tokens describe them. */
    static final TestUser COMMITTEE_HANDLER = TestUser.of("org-handler", "org-committee-online-delivery", "510100");
    static final TestUser STREET_HANDLER = TestUser.of("org-handler", "org-street-damian", "510112002");
    static final TestUser HRSS_LIAISON = TestUser.of("department-liaison", "org-dept-hrss", "510100");
    static final TestUser URBAN_LIAISON = TestUser.of("department-liaison", "org-dept-urban", "510100");
    static final TestUser CITY_HANDLER = TestUser.of("org-handler", "org-city-swb", "510100");
    static final TestUser DISTRICT_HANDLER = TestUser.of("org-handler", "org-district-lqy", "510112");
    static final TestUser DISTRICT_SUPERVISOR = TestUser.of("supervisor", "org-district-lqy", "510112");
    static final TestUser JINJIANG_SUPERVISOR = TestUser.of("supervisor", "org-district-jj", "510104");
    static final TestUser CALLBACK_AGENT = TestUser.of("callback-agent", "org-hotline-12345", "510100");
    /** A committee employee who also holds the callback agent's role: still may not evaluate the committee's work. */
    static final TestUser COMMITTEE_AGENT = new TestUser("zhao@org-committee-online-delivery",
        List.of("org-handler", "callback-agent"), "org-committee-online-delivery", "510100");

    /** Who leads a grievance, and the organisations triage names above it. */
    enum Lead {
        COMMITTEE("org-committee-online-delivery", "市网约配送行业党委", "INDUSTRY_COMMITTEE", List.of(
            org("org-city-swb", "成都市委社会工作部（两新工委）", "CITY_WORK_DEPARTMENT"))),
        STREET("org-street-damian", "大面街道党工委", "STREET", List.of(
            org("org-district-lqy", "龙泉驿区委社会工作部", "DISTRICT"),
            org("org-city-swb", "成都市委社会工作部（两新工委）", "CITY_WORK_DEPARTMENT")));

        final String id;
        final String name;
        final String type;
        final List<ObjectNode> ancestors;

        Lead(String id, String name, String type, List<ObjectNode> ancestors) {
            this.id = id;
            this.name = name;
            this.type = type;
            this.ancestors = ancestors;
        }
    }

    /** A grievance as published: its id, and the deadlines triage set. */
    record Filed(String id, Instant submittedAt, Instant responseDueAt, Instant resolutionDueAt, String workerRef) {
    }

    private final int port;
    private final Clock clock;
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        "bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers(), "acks", "all"),
        new StringSerializer(), new ByteArraySerializer());

    FollowUpKit(int port, Clock clock) {
        this.port = port;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    HttpJson as(TestUser user) {
        return HttpJson.at(port).as(user);
    }

    HttpJson anonymous() {
        return HttpJson.at(port);
    }

    // ---- the organisation registry (triage), provisional example ------------------------------------------------

    /** Publishes triage's registry as follow-up expects it on huiyin.triage.organisation.v1. */
    void publishRegistry() {
        for (JsonNode organisation : read("src/test/resources/provisional/OrganisationUpdated-v1-registry.json")) {
            String id = organisation.get("organisationId").asString();
            publish(ORGANISATION_TOPIC, "/huiyin/triage", "cn.huiyin.triage.OrganisationUpdated.v1", id,
                organisation.toString());
        }
    }

    // ---- a grievance's life before follow-up (intake, triage) ----------------------------------------------------

    /**
     * Files a grievance now: intake's submission, triage's classification and assignment to {@code lead}, with triage's
     * deadlines for an injury-insurance claim of high urgency (respond within 4 office hours, resolve within 3 working
     * days, both from submission).
     */
    Filed file(Lead lead) {
        Instant submittedAt = now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return file(lead, submittedAt, submittedAt.plusSeconds(1));
    }

    Filed file(Lead lead, Instant submittedAt, Instant assignedAt) {
        String id = newGrievanceId(submittedAt);
        String workerRef = newWorkerRef();
        Instant responseDue = CALENDAR.plusWorkingHours(submittedAt, Duration.ofHours(4), BusinessHours.STANDARD).instant();
        Instant resolutionDue = CALENDAR.plusWorkingDays(submittedAt, 3, BusinessHours.STANDARD).instant();

        ObjectNode submitted = example("intake/GrievanceSubmitted/examples/v1-rider-insurance-claim-window.json");
        submitted.put("grievanceId", id).put("trackingNumber", id).put("submittedAt", submittedAt.toString());
        ((ObjectNode) submitted.get("worker")).put("workerRef", workerRef);
        publish(INTAKE_TOPIC, "/huiyin/intake", "cn.huiyin.intake.GrievanceSubmitted.v1", id, submitted.toString());

        ObjectNode triaged = example("triage/GrievanceTriaged/examples/v1-rider-insurance-claim-filer-category.json");
        triaged.put("grievanceId", id).put("triagedAt", assignedAt.toString())
            .put("responseDueAt", responseDue.toString()).put("resolutionDueAt", resolutionDue.toString());
        publish(TRIAGE_TOPIC, "/huiyin/triage", "cn.huiyin.triage.GrievanceTriaged.v1", id, triaged.toString());

        ObjectNode assigned = example("triage/GrievanceAssigned/examples/v1-rider-claim-to-online-delivery-committee.json");
        assigned.put("grievanceId", id).put("assignedAt", assignedAt.toString())
            .put("responseDueAt", responseDue.toString()).put("resolutionDueAt", resolutionDue.toString());
        ObjectNode organisation = org(lead.id, lead.name, lead.type);
        ArrayNode ancestors = organisation.putArray("ancestors");
        lead.ancestors.forEach(ancestors::add);
        assigned.set("organisation", organisation);
        if (lead == Lead.STREET) {
            assigned.putArray("coHandlers");
        }
        publish(TRIAGE_TOPIC, "/huiyin/triage", "cn.huiyin.triage.GrievanceAssigned.v1", id, assigned.toString());
        return new Filed(id, submittedAt, responseDue, resolutionDue, workerRef);
    }

    /** The lead signs for it in triage (签收). */
    void signFor(Filed filed, Lead lead, Instant at) {
        ObjectNode accepted = example("triage/AssignmentAccepted/examples/v1-committee-signs-for.json");
        accepted.put("grievanceId", filed.id()).put("acceptedAt", at.toString())
            .put("responseDueAt", filed.responseDueAt().toString()).put("late", at.isAfter(filed.responseDueAt()));
        accepted.set("organisation", org(lead.id, lead.name, lead.type));
        publish(TRIAGE_TOPIC, "/huiyin/triage", "cn.huiyin.triage.AssignmentAccepted.v1", filed.id(), accepted.toString());
    }

    /** The worker adds material through intake's self-service (补充). */
    void supplement(Filed filed, Instant at) {
        ObjectNode supplemented = example("intake/GrievanceSupplemented/examples/v1-worker-adds-route-trace.json");
        supplemented.put("grievanceId", filed.id()).put("supplementedAt", at.toString());
        publish(INTAKE_TOPIC, "/huiyin/intake", "cn.huiyin.intake.GrievanceSupplemented.v1", filed.id(),
            supplemented.toString());
    }

    /** Joint-meeting assigns an action item serving {@code grievanceIds}, due at {@code dueAt}. */
    String assignActionItem(List<String> grievanceIds, Instant assignedAt, Instant dueAt) {
        ObjectNode item = (ObjectNode) read("src/test/resources/provisional/ActionItemAssigned-v1-parking.json");
        String id = "AI-JM-" + UUID.randomUUID().toString().substring(0, 8);
        item.put("actionItemId", id).put("assignedAt", assignedAt.toString()).put("dueAt", dueAt.toString());
        ArrayNode ids = item.putArray("grievanceIds");
        grievanceIds.forEach(ids::add);
        publish(MEETING_TOPIC, "/huiyin/joint-meeting", "cn.huiyin.jointmeeting.ActionItemAssigned.v1", id,
            item.toString());
        return id;
    }

    void publish(String topic, String source, String type, String key, String json) {
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), source, type, now(), key, CloudEvent.JSON,
            json.getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, event.data());
        CloudEventKafkaHeaders.toHeaders(event).forEach(h -> record.headers().add(new RecordHeader(h.key(), h.value())));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- reading follow-up -------------------------------------------------------------------------------------

    /** The case file as {@code user} sees it, once it satisfies {@code ready}. */
    JsonNode awaitCase(String grievanceId, TestUser user, Predicate<JsonNode> ready) {
        HttpJson api = as(user);
        return await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100))
            .until(() -> api.get("/api/cases/" + grievanceId),
                r -> r.status() == 200 && ready.test(r.json())).json();
    }

    JsonNode awaitStatus(String grievanceId, TestUser user, String status) {
        return awaitCase(grievanceId, user, c -> status.equals(c.get("status").asString()));
    }

    static ObjectNode org(String id, String name, String type) {
        return JSON.createObjectNode().put("id", id).put("name", name).put("type", type);
    }

    static ObjectNode example(String path) {
        return (ObjectNode) read("../../contracts/events/" + path);
    }

    static JsonNode read(String path) {
        try {
            return JSON.readTree(Files.readString(Path.of(path)));
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

    static List<String> fields(JsonNode problem) {
        return problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Override
    public void close() {
        producer.close();
    }
}
