package cn.huiyin.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
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
        assertThat(asMeituan.toString()).doesNotContain("李", "1234", "wk-", "MT2026111218342211", "成龙大道二段", "大面站",
            "政务服务大厅");
        assertThat(meituanContact.status()).isEqualTo(403);
        assertThat(asCommittee.at("/worker/name").asString()).isEqualTo("李*");
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

    private final Map<String, String> queryCodes = new ConcurrentHashMap<>();

    private String file(String body) {
        JsonNode filed = HttpJson.at(port).as(TestUser.of("window-clerk")).post("/api/grievances", body).json();
        queryCodes.put(filed.get("trackingNumber").asString(), filed.get("queryCode").asString());
        return filed.get("trackingNumber").asString();
    }

    private JsonNode lookup(String id) {
        return HttpJson.at(port).withHeader("X-Forwarded-For", clientAddress).post("/api/public/grievances/lookup",
            "{\"trackingNumber\": \"" + id + "\", \"queryCode\": \"" + queryCodes.get(id) + "\"}").json();
    }

    private static void publish(String grievanceId, String event, String example) throws Exception {
        Triage.publish(grievanceId, event, example);
    }
}
