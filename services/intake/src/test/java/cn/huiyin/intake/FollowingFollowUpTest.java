package cn.huiyin.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The worker hears of every stage after sign-for without asking (事事有回音): follow-up's events, as follow-up sends
 * them, reach the self-service in Chinese and English; a redelivered event tells nothing twice; follow-up's news
 * overtaking triage's does not move the grievance back; retaliation reported at the callback is filed once as a new
 * grievance of the same worker, linked both ways.
 */
@ServiceTest
class FollowingFollowUpTest {

    private static final String TOPIC = "huiyin.followup.case.v1";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private final Map<String, String> queryCodes = new ConcurrentHashMap<>();
    private final String clientAddress = "198.51.100." + (int) (Math.random() * 250 + 1);

    @Test
    void theWorkerSeesEachStageFromContactToClosureWithTheRemedyAndNothingTwice() throws Exception {
        String id = file();
        Triage.publish(id, "GrievanceAssigned", "GrievanceAssigned/examples/v1-rider-claim-to-online-delivery-committee.json");
        Triage.publish(id, "AssignmentAccepted", "AssignmentAccepted/examples/v1-committee-signs-for.json");
        awaitStatus(id, "IN_PROGRESS");

        followUp(id, "FirstResponseRecorded", "FirstResponseRecorded/examples/v1-committee-calls-the-rider.json");
        followUp(id, "MaterialRequested", "MaterialRequested/examples/v1-hospital-diagnosis.json");
        JsonNode waiting = awaitStatus(id, "WAITING_FOR_MATERIAL");
        followUp(id, "ProgressRecorded", "ProgressRecorded/examples/v1-worker-material-arrived.json");
        followUp(id, "GrievanceResolved", "GrievanceResolved/examples/v1-claim-paid.json");
        JsonNode resolved = awaitStatus(id, "RESOLVED");
        String closedEvent = UUID.randomUUID().toString();
        followUp(id, "CallbackRecorded", "CallbackRecorded/examples/v1-rider-satisfied.json");
        Triage.publish("follow-up", TOPIC, id, "GrievanceClosed", "GrievanceClosed/examples/v1-resolved-and-satisfied.json",
            closedEvent);
        Triage.publish("follow-up", TOPIC, id, "GrievanceClosed", "GrievanceClosed/examples/v1-resolved-and-satisfied.json",
            closedEvent);
        JsonNode closed = awaitStatus(id, "CLOSED");
        // The redelivered closure, right behind the first, adds nothing however long one waits.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15))
            .until(() -> notes(lookup(id)).stream().filter(n -> n.startsWith("已办结")).count() == 1);

        assertThat(notes(waiting)).contains("市网约配送行业党委 已与您联系")
            .anyMatch(n -> n.startsWith("请补充材料：请补充医院诊断证明和事发当日的订单截图"));
        assertThat(waiting.get("statusName").asString()).isEqualTo("待补充材料");
        assertThat(notes(resolved)).anyMatch(n -> n.startsWith("已办理：已解决（追回 8260.00 元，已理赔）"));
        assertThat(closed.get("statusName").asString()).isEqualTo("已办结");
        List<String> finalNotes = notes(lookup(id));
        assertThat(finalNotes.stream().filter(n -> n.startsWith("已办结"))).containsExactly("已办结：已解决，您表示满意");
        assertThat(finalNotes).containsSubsequence("市网约配送行业党委 已与您联系", "已办理：已解决（追回 8260.00 元，已理赔）"
            + "。说明：经调取轨迹证明事发时处于配送途中，保险公司已同意理赔。回访人员将向您了解办理结果", "已回访",
            "已办结：已解决，您表示满意");
    }

    @Test
    void followUpsNewsOvertakingTriagesDoesNotMoveTheGrievanceBack() throws Exception {
        String id = file();
        Triage.publish(id, "GrievanceAssigned", "GrievanceAssigned/examples/v1-rider-claim-to-online-delivery-committee.json");
        awaitStatus(id, "ASSIGNED");
        followUp(id, "MaterialRequested", "MaterialRequested/examples/v1-hospital-diagnosis.json");
        awaitStatus(id, "WAITING_FOR_MATERIAL");

        Triage.publish(id, "AssignmentAccepted", "AssignmentAccepted/examples/v1-committee-signs-for.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> notes(lookup(id)).stream().anyMatch(n -> n.contains("已签收")));

        assertThat(lookup(id).get("status").asString()).isEqualTo("WAITING_FOR_MATERIAL");
    }

    @Test
    void retaliationReportedAtTheCallbackIsFiledOnceAsANewLinkedGrievanceOfTheSameWorker() throws Exception {
        String id = file();
        Triage.publish(id, "GrievanceAssigned", "GrievanceAssigned/examples/v1-rider-claim-to-online-delivery-committee.json");
        followUp(id, "GrievanceClosed", "GrievanceClosed/examples/v1-resolved-and-satisfied.json");
        awaitStatus(id, "CLOSED");
        String checked = UUID.randomUUID().toString();

        Triage.publish("follow-up", TOPIC, id, "RetaliationChecked", "RetaliationChecked/examples/v1-fewer-orders-reported.json",
            checked);
        Triage.publish("follow-up", TOPIC, id, "RetaliationChecked", "RetaliationChecked/examples/v1-fewer-orders-reported.json",
            checked);
        followUp(id, "RetaliationChecked", "RetaliationChecked/examples/v1-nothing-happened.json");
        String note = await().atMost(Duration.ofSeconds(30)).until(() -> notes(lookup(id)).stream()
            .filter(n -> n.startsWith("您反映的打击报复问题已另行受理")).findFirst().orElse(null), n -> n != null);
        String reportId = note.substring(note.lastIndexOf(' ') + 1);
        JsonNode report = HttpJson.at(port).as(TestUser.of("supervisor")).get("/api/grievances/" + reportId).json();

        assertThat(reportId).matches("HY-\\d{8}-\\d{6}").isNotEqualTo(id);
        assertThat(report.get("channel").asString()).isEqualTo("RETALIATION_CALLBACK");
        assertThat(report.get("category").asString()).isEqualTo("PLATFORM_RULES");
        assertThat(report.get("description").asString()).contains("派单明显减少").contains(id).contains("紧急");
        assertThat(report.get("history").valueStream().map(h -> h.get("noteZh").asString()))
            .contains("回访中反映的打击报复问题，关联诉求 " + id);
        // The redelivery and the check that found nothing come after the first report; none files another.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).until(() -> mongo.getCollection("grievances")
            .countDocuments(new Document("history.params.about", id)) == 1);
        assertThat(notes(lookup(id)).stream().filter(n -> n.startsWith("您反映的打击报复问题"))).hasSize(1);
    }

    private void followUp(String id, String event, String example) throws Exception {
        Triage.publish("follow-up", TOPIC, id, event, example, UUID.randomUUID().toString());
    }

    private String file() {
        JsonNode filed = HttpJson.at(port).as(TestUser.of("window-clerk"))
            .post("/api/grievances", FilingAGrievanceTest.RIDER_INSURANCE_CLAIM).json();
        queryCodes.put(filed.get("trackingNumber").asString(), filed.get("queryCode").asString());
        return filed.get("trackingNumber").asString();
    }

    private JsonNode awaitStatus(String id, String status) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> lookup(id), p -> status.equals(p.get("status").asString()));
    }

    private JsonNode lookup(String id) {
        return HttpJson.at(port).withHeader("X-Forwarded-For", clientAddress).post("/api/public/grievances/lookup",
            "{\"trackingNumber\": \"" + id + "\", \"queryCode\": \"" + queryCodes.get(id) + "\"}").json();
    }

    private static List<String> notes(JsonNode view) {
        return view.get("history").valueStream().map(h -> h.get("noteZh").asString()).toList();
    }
}
