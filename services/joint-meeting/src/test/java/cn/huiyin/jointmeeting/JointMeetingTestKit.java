package cn.huiyin.jointmeeting;

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
import java.util.ArrayList;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the joint-meeting tests share: the organisation registry and triage's case events published as triage would
 * (from triage's contract examples, or a provisional example where triage's contract is not written yet), follow-up's
 * ActionItemCompleted as follow-up would, the people of the demo city who call the API, and joint-meeting's topic
 * read from outside with every event checked against its contract.
 */
final class JointMeetingTestKit implements AutoCloseable {

    static final JsonMapper JSON = new JsonMapper();
    static final EventContracts CONTRACTS = new EventContracts();
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Path TRIAGE_EXAMPLES = Path.of("../../contracts/events/triage");
    private static final Path PROVISIONAL = Path.of("src/test/resources/provisional-contracts");

    static final TestUser DAMIAN_CONVENER = TestUser.of("meeting-convener", "org-street-damian", "510112002");
    static final TestUser TRANSPORT_CONVENER = TestUser.of("meeting-convener", "org-committee-transport", "510100");
    static final TestUser CHUNXILU_CONVENER = TestUser.of("meeting-convener", "org-street-chunxilu", "510104001");
    static final TestUser DAMIAN_HANDLER = TestUser.of("org-handler", "org-street-damian", "510112002");
    static final TestUser COMMITTEE_HANDLER = TestUser.of("org-handler", "org-committee-online-delivery", "510100");
    static final TestUser URBAN_LIAISON = TestUser.of("department-liaison", "org-dept-urban", "510100");
    static final TestUser HRSS_LIAISON = TestUser.of("department-liaison", "org-dept-hrss", "510100");
    static final TestUser MEITUAN_HANDLER = TestUser.of("org-handler", "org-ent-meituan", "510100");
    static final TestUser DISTRICT_SUPERVISOR = TestUser.of("supervisor", "org-district-lqy", "510112");

    /** The organisations the scenarios need: {id, name, type, parent chain (nearest first), jurisdiction}. */
    private static final String[][] REGISTRY = {
        {"org-city-swb", "成都市委社会工作部（两新工委）", "CITY_WORK_DEPARTMENT", "", "510100"},
        {"org-district-lqy", "龙泉驿区委社会工作部", "DISTRICT", "org-city-swb", "510112"},
        {"org-district-jj", "锦江区委社会工作部", "DISTRICT", "org-city-swb", "510104"},
        {"org-street-damian", "大面街道党工委", "STREET", "org-district-lqy,org-city-swb", "510112002"},
        {"org-street-chunxilu", "春熙路街道党工委", "STREET", "org-district-jj,org-city-swb", "510104001"},
        {"org-community-damian", "大面社区党委", "COMMUNITY", "org-street-damian,org-district-lqy,org-city-swb", "510112002001"},
        {"org-committee-online-delivery", "市网约配送行业党委", "INDUSTRY_COMMITTEE", "org-city-swb", "510100"},
        {"org-committee-transport", "市交通运输新业态党委", "INDUSTRY_COMMITTEE", "org-city-swb", "510100"},
        {"org-dept-urban", "市城市管理委员会（城管）", "MEMBER_DEPARTMENT", "org-city-swb", "510100"},
        {"org-dept-hrss", "市人力资源和社会保障局（人社）", "MEMBER_DEPARTMENT", "org-city-swb", "510100"},
        {"org-dept-transport", "市交通运输局", "MEMBER_DEPARTMENT", "org-city-swb", "510100"},
        {"org-dept-justice", "市司法局（法律援助）", "MEMBER_DEPARTMENT", "org-city-swb", "510100"},
        {"org-dept-closed", "已撤销的临时协调办", "MEMBER_DEPARTMENT", "org-city-swb", "510100"},
        {"org-ent-meituan", "美团成都区域党委", "ENTERPRISE", "org-committee-online-delivery,org-city-swb", "510100"},
        {"org-ent-longhu-property", "龙湖物业成都公司党支部", "ENTERPRISE", "org-city-swb", "510100"},
        {"org-ent-huolala", "货拉拉成都党支部", "ENTERPRISE", "org-committee-transport,org-city-swb", "510100"},
    };
    /** The service instances (by port) that know the registry already. */
    private static final java.util.Set<Integer> REGISTRY_KNOWN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The service's clock: events are stamped "now" as the service sees it. */
    private static volatile Clock clock = Clock.systemUTC();

    private final int port;
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        "bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers(), "acks", "all"),
        new StringSerializer(), new ByteArraySerializer());

    JointMeetingTestKit(int port, Clock serviceClock) {
        this.port = port;
        clock = serviceClock;
        MeetingTopic.get();
    }

    static Instant now() {
        return clock.instant();
    }

    HttpJson as(TestUser user) {
        return HttpJson.at(port).as(user);
    }

    // ---- the organisation registry, as triage publishes it ----

    /** Publishes the registry (once per test run) and waits until joint-meeting knows every organisation in it. */
    void registry() {
        if (REGISTRY_KNOWN.contains(port)) {
            return;
        }
        for (String[] org : REGISTRY) {
            ObjectNode data = (ObjectNode) read(PROVISIONAL.resolve("OrganisationUpdated-v1-urban-management.json"));
            data.put("organisationId", org[0]).put("name", org[1]).put("type", org[2])
                .put("active", !org[0].equals("org-dept-closed"));
            ArrayNode ancestors = data.putArray("ancestors");
            for (String above : org[3].isEmpty() ? new String[0] : org[3].split(",")) {
                String[] known = find(above);
                ancestors.addObject().put("id", known[0]).put("name", known[1]).put("type", known[2]);
            }
            if (org[3].isEmpty()) {
                data.remove("parentId");
            } else {
                data.put("parentId", org[3].split(",")[0]);
            }
            data.putArray("jurisdiction").add(org[4]);
            publish("huiyin.triage.organisation.v1", "/huiyin/triage", "cn.huiyin.triage.OrganisationUpdated.v1", org[0],
                data);
        }
        // Every convener can call a meeting inviting every department and enterprise once all are known.
        for (TestUser convener : List.of(DAMIAN_CONVENER, TRANSPORT_CONVENER, CHUNXILU_CONVENER)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> as(convener)
                .post("/api/meetings", meeting("登记名录探测会", now().plus(Duration.ofDays(400)),
                    List.of("org-dept-urban", "org-dept-hrss", "org-dept-transport", "org-dept-justice",
                        "org-community-damian"), List.of("org-ent-meituan", "org-ent-longhu-property", "org-ent-huolala")))
                .status() == 201);
        }
        REGISTRY_KNOWN.add(port);
    }

    private static String[] find(String id) {
        for (String[] org : REGISTRY) {
            if (org[0].equals(id)) {
                return org;
            }
        }
        throw new IllegalArgumentException(id);
    }

    static ObjectNode org(String id) {
        String[] known = find(id);
        return JSON.createObjectNode().put("id", known[0]).put("name", known[1]).put("type", known[2]);
    }

    // ---- triage's case events ----

    /** Triage classified a grievance and assigned it, as its GrievanceTriaged and GrievanceAssigned say. */
    void triagedAndAssigned(String grievanceId, String category, String divisionCode, String workerGroup,
                            Instant triagedAt, String leadId, List<String> coHandlerIds) {
        triaged(grievanceId, category, divisionCode, workerGroup, triagedAt);
        ObjectNode assigned = (ObjectNode) read(TRIAGE_EXAMPLES.resolve(
            "GrievanceAssigned/examples/v1-rider-claim-to-online-delivery-committee.json"));
        assigned.put("grievanceId", grievanceId).put("assignedAt", triagedAt.toString()).put("category", category);
        assigned.set("organisation", org(leadId));
        ArrayNode co = assigned.putArray("coHandlers");
        coHandlerIds.forEach(id -> co.add(org(id)));
        publishTriage("GrievanceAssigned", grievanceId, assigned);
    }

    void triaged(String grievanceId, String category, String divisionCode, String workerGroup, Instant triagedAt) {
        ObjectNode triaged = (ObjectNode) read(TRIAGE_EXAMPLES.resolve(
            "GrievanceTriaged/examples/v1-rider-insurance-claim-filer-category.json"));
        triaged.put("grievanceId", grievanceId).put("triagedAt", triagedAt.toString()).put("category", category)
            .put("divisionCode", divisionCode).put("workerGroup", workerGroup);
        publishTriage("GrievanceTriaged", grievanceId, triaged);
    }

    void accepted(String grievanceId, String organisationId) {
        ObjectNode accepted = (ObjectNode) read(TRIAGE_EXAMPLES.resolve(
            "AssignmentAccepted/examples/v1-committee-signs-for.json"));
        accepted.put("grievanceId", grievanceId).put("acceptedAt", now().toString());
        accepted.set("organisation", org(organisationId));
        publishTriage("AssignmentAccepted", grievanceId, accepted);
    }

    /** Triage asks for a joint review of a case in a cluster ({@code kind} PLACE or ENTERPRISE). */
    String jointReviewRequested(String grievanceId, String kind, String label, List<String> memberIds, String category,
                                String divisionCode, String leadId) {
        ObjectNode request = (ObjectNode) read(TRIAGE_EXAMPLES.resolve(
            "JointReviewRequested/examples/v1-parking-cluster-in-damian.json"));
        String clusterId = "CL-" + kind.charAt(0) + "-" + memberIds.get(0);
        request.put("grievanceId", grievanceId).put("requestedAt", now().toString()).put("category", category)
            .put("divisionCode", divisionCode);
        request.set("leadOrganisation", org(leadId));
        ObjectNode cluster = (ObjectNode) request.get("clusters").get(0);
        cluster.put("clusterId", clusterId).put("kind", kind).put("label", label);
        ArrayNode members = cluster.putArray("memberIds");
        memberIds.forEach(members::add);
        publishTriage("JointReviewRequested", grievanceId, request);
        return "RR-" + clusterId;
    }

    private void publishTriage(String event, String grievanceId, ObjectNode data) {
        String type = "cn.huiyin.triage." + event + ".v1";
        assertThat(CONTRACTS.validate(type, data.toString())).as("what the test publishes as triage").isEmpty();
        publish("huiyin.triage.case.v1", "/huiyin/triage", type, grievanceId, data);
    }

    // ---- follow-up ----

    /** Follow-up reports an action item done, as its ActionItemCompleted would say. */
    void actionItemCompleted(JsonNode assigned, String outcome, String result) {
        ObjectNode done = (ObjectNode) read(PROVISIONAL.resolve("ActionItemCompleted-v1-parking-spaces-added.json"));
        done.put("actionItemId", assigned.get("actionItemId").asString())
            .put("meetingId", assigned.get("meetingId").asString()).put("outcome", outcome).put("result", result)
            .put("completedAt", now().toString());
        done.set("grievanceIds", assigned.get("grievanceIds"));
        done.set("organisation", assigned.get("leadOrganisation"));
        publish("huiyin.followup.case.v1", "/huiyin/follow-up", "cn.huiyin.followup.ActionItemCompleted.v1",
            assigned.get("actionItemId").asString(), done);
    }

    void publish(String topic, String source, String type, String key, JsonNode data) {
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), source, type, now(), key, CloudEvent.JSON,
            data.toString().getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, event.data());
        CloudEventKafkaHeaders.toHeaders(event).forEach(h -> record.headers().add(new RecordHeader(h.key(), h.value())));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the API ----

    static String meeting(String title, Instant startsAt, List<String> departments, List<String> enterprises) {
        ObjectNode body = JSON.createObjectNode().put("kind", "AD_HOC").put("title", title)
            .put("startsAt", startsAt.toString()).put("endsAt", startsAt.plus(Duration.ofHours(2)).toString())
            .put("place", "街道党群服务中心三楼会议室");
        departments.forEach(body.putArray("invitedDepartmentIds")::add);
        enterprises.forEach(body.putArray("invitedEnterpriseIds")::add);
        body.putArray("workerRepresentatives").addObject().put("label", "外卖骑手代表")
            .put("workerGroup", "FOOD_DELIVERY_RIDER").put("count", 2);
        return body.toString();
    }

    /** The queue entry of a review request once it satisfies {@code ready}. */
    JsonNode awaitReviewRequest(TestUser convener, String reviewRequestId, Predicate<JsonNode> ready) {
        HttpJson api = as(convener);
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
            .until(() -> api.get("/api/review-requests/" + reviewRequestId), r -> r.status() == 200 && ready.test(r.json()))
            .json();
    }

    /** The tracked case once joint-meeting has heard of it from triage (any involved organisation may ask). */
    JsonNode awaitCaseView(TestUser user, String grievanceId, Predicate<JsonNode> ready) {
        HttpJson api = as(user);
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
            .until(() -> api.get("/api/cases/" + grievanceId + "/joint-review"), r -> r.status() == 200 && ready.test(r.json()))
            .json();
    }

    // ---- joint-meeting's topic ----

    /** Joint-meeting's events of {@code type} with the given key, once {@code count} have arrived; each checked. */
    static List<JsonNode> events(String type, String key, int count) {
        List<ConsumerRecord<String, byte[]>> records = MeetingTopic.get().await(
            r -> key.equals(r.key()) && type(r).equals(type), found -> found.size() >= count, Duration.ofSeconds(30));
        assertThat(records).as("%s events keyed %s", type, key).hasSizeGreaterThanOrEqualTo(count);
        List<JsonNode> data = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            assertMeetsItsContract(record);
            data.add(data(record));
        }
        return data;
    }

    static void assertMeetsItsContract(ConsumerRecord<String, byte[]> record) {
        String type = header(record, "ce_type");
        String data = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(CONTRACTS.validate(type, data)).as("%s %s", type, data).isEmpty();
        assertThat(header(record, "ce_source")).isEqualTo("/huiyin/joint-meeting");
        assertThat(header(record, "ce_subject")).isEqualTo(record.key());
        assertThat(data).doesNotContainPattern("1[3-9][0-9]{9}");
    }

    static String type(ConsumerRecord<String, byte[]> record) {
        return header(record, "ce_type").replace("cn.huiyin.jointmeeting.", "").replace(".v1", "");
    }

    static JsonNode data(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    // ---- data ----

    static String newGrievanceId(Instant at) {
        return TestIds.grievanceId(at);
    }

    static Instant beijing(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(BEIJING).toInstant();
    }

    static List<String> fields(JsonNode problem) {
        return problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    static List<String> texts(JsonNode array, String field) {
        return array.valueStream().map(n -> n.get(field).asString()).toList();
    }

    private static JsonNode read(Path path) {
        try {
            return JSON.readTree(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
