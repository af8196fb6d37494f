package cn.huiyin.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import cn.huiyin.platform.messaging.cloudevents.CloudEvent;
import cn.huiyin.platform.messaging.cloudevents.CloudEventKafkaHeaders;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestInfrastructure;
import cn.huiyin.platform.test.TestUser;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Triage routes the rider's claim to the online-delivery committee with 人社 and the platform's party organisation
 * co-handling; intake, hearing of it, tells the worker and opens the case to the handling organisations — but never
 * shows a confidential worker to the platform firm.
 */
@ServiceTest
class FollowingTriageTest {

    private static final String EXAMPLES = "../../contracts/events/triage/";

    @LocalServerPort
    int port;

    private final TestUser committeeHandler = TestUser.of("org-handler", "org-committee-online-delivery", "510100");
    private final TestUser meituanHandler = TestUser.of("org-handler", "org-ent-meituan", "510100");
    private final String clientAddress = "203.0.113." + (int) (Math.random() * 250 + 1);

    @Test
    void theWorkerSeesWhoHandlesHisCaseAndWhenTheySignForIt() throws Exception {
        String id = file(FilingAGrievanceTest.RIDER_INSURANCE_CLAIM);

        publish(id, "GrievanceAssigned", "GrievanceAssigned/examples/v1-rider-claim-to-online-delivery-committee.json");
        JsonNode assigned = await().atMost(Duration.ofSeconds(30)).until(() -> lookup(id),
            p -> "ASSIGNED".equals(p.get("status").asString()));
        publish(id, "AssignmentAccepted", "AssignmentAccepted/examples/v1-committee-signs-for.json");
        JsonNode accepted = await().atMost(Duration.ofSeconds(30)).until(() -> lookup(id),
            p -> "IN_PROGRESS".equals(p.get("status").asString()));

        assertThat(assigned.get("handledBy").asString()).isEqualTo("市网约配送行业党委");
        assertThat(accepted.get("statusName").asString()).isEqualTo("办理中");
        assertThat(accepted.get("history").valueStream().map(h -> h.get("noteZh").asString()))
            .anyMatch(note -> note.contains("已分派至 市网约配送行业党委"))
            .anyMatch(note -> note.contains("已签收"));
    }

    @Test
    void theHandlingOrganisationsMayNowSeeAndCallTheWorker() throws Exception {
        String id = file(FilingAGrievanceTest.RIDER_INSURANCE_CLAIM);
        assertThat(HttpJson.at(port).as(committeeHandler).get("/api/grievances/" + id).status()).isEqualTo(403);

        publish(id, "GrievanceAssigned", "GrievanceAssigned/examples/v1-rider-claim-to-online-delivery-committee.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> HttpJson.at(port).as(committeeHandler)
            .get("/api/grievances/" + id).status() == 200);

        HttpJson.Response contact = HttpJson.at(port).as(committeeHandler)
            .get("/api/grievances/" + id + "/contact?reason=核实受伤经过");
        assertThat(contact.status()).isEqualTo(200);
        assertThat(contact.json().get("mobile").asString()).isEqualTo("13812341234");
    }

    @Test
    void anOrganisationThatReturnsTheCaseNoLongerSeesTheWorker() throws Exception {
        String id = file(FilingAGrievanceTest.RIDER_INSURANCE_CLAIM);
        publish(id, "GrievanceAssigned", "GrievanceAssigned/examples/v1-rider-claim-to-online-delivery-committee.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> HttpJson.at(port).as(committeeHandler)
            .get("/api/grievances/" + id).status() == 200);

        publish(id, "AssignmentReturned", "AssignmentReturned/examples/v1-re-routed-to-the-street.json");

        JsonNode returned = await().atMost(Duration.ofSeconds(30)).until(() -> lookup(id),
            p -> "SUBMITTED".equals(p.get("status").asString()));
        assertThat(returned.get("history").valueStream().map(h -> h.get("noteZh").asString()))
            .anyMatch(note -> note.contains("市网约配送行业党委 退回，正在重新分派"));
        assertThat(HttpJson.at(port).as(committeeHandler).get("/api/grievances/" + id).status()).isEqualTo(403);
        assertThat(HttpJson.at(port).as(committeeHandler).get("/api/grievances/" + id + "/contact?reason=核实").status())
            .isEqualTo(403);
    }

    @Test
    void aConfidentialWorkerStaysHiddenFromThePlatformFirmCoHandlingTheCase() throws Exception {
        String id = file(FilingAGrievanceTest.RIDER_INSURANCE_CLAIM.replace("\"category\"", "\"confidential\": true, \"category\""));

        publish(id, "GrievanceAssigned", "GrievanceAssigned/examples/v1-rider-claim-to-online-delivery-committee.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> HttpJson.at(port).as(meituanHandler)
            .get("/api/grievances/" + id).status() == 200);

        JsonNode asMeituan = HttpJson.at(port).as(meituanHandler).get("/api/grievances/" + id).json();
        HttpJson.Response meituanContact = HttpJson.at(port).as(meituanHandler)
            .get("/api/grievances/" + id + "/contact?reason=联系骑手");
        JsonNode asCommittee = HttpJson.at(port).as(committeeHandler).get("/api/grievances/" + id).json();

        assertThat(asMeituan.at("/worker/name").asString()).isEqualTo("（保密）");
        assertThat(asMeituan.at("/worker/mobile").asString()).isEqualTo("（保密）");
        assertThat(asMeituan.toString()).doesNotContain("李明", "1234", "wk-");
        assertThat(meituanContact.status()).isEqualTo(403);
        assertThat(asCommittee.at("/worker/name").asString()).isEqualTo("李明");
    }

    @Test
    void aMergedDuplicateIsClosedAndPointsToTheCaseFollowedInstead() throws Exception {
        String id = file(FilingAGrievanceTest.RIDER_INSURANCE_CLAIM);

        publish(id, "GrievanceMerged", "GrievanceMerged/examples/v1-same-rider-calls-again.json");

        JsonNode merged = await().atMost(Duration.ofSeconds(30)).until(() -> lookup(id),
            p -> "MERGED".equals(p.get("status").asString()));
        assertThat(merged.get("canSupplementOrWithdraw").asBoolean()).isFalse();
        assertThat(merged.get("history").valueStream().map(h -> h.get("noteZh").asString()))
            .anyMatch(note -> note.contains("合并办理"));
    }

    private String file(String body) {
        return HttpJson.at(port).as(TestUser.of("window-clerk")).post("/api/grievances", body)
            .json().get("trackingNumber").asString();
    }

    private JsonNode lookup(String id) {
        return HttpJson.at(port).withHeader("X-Forwarded-For", clientAddress).post("/api/public/grievances/lookup",
            "{\"trackingNumber\": \"" + id + "\", \"mobileLastFour\": \"1234\"}").json();
    }

    /** Triage's own contract example, about this grievance, sent as triage sends it. */
    private static void publish(String grievanceId, String event, String example) throws Exception {
        String data = Files.readString(Path.of(EXAMPLES + example))
            .replaceAll("\"grievanceId\"\\s*:\\s*\"HY-\\d{8}-\\d{6}\"", "\"grievanceId\": \"" + grievanceId + "\"");
        CloudEvent cloudEvent = new CloudEvent(UUID.randomUUID().toString(), "/huiyin/triage",
            "cn.huiyin.triage." + event + ".v1", cn.huiyin.platform.test.TestInstants.DEFAULT, grievanceId, CloudEvent.JSON,
            data.getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("huiyin.triage.case.v1", grievanceId, cloudEvent.data());
        CloudEventKafkaHeaders.toHeaders(cloudEvent).forEach(h -> record.headers().add(new RecordHeader(h.key(), h.value())));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
            TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        }
    }
}
