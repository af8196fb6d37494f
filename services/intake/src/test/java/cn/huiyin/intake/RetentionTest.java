package cn.huiyin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** After the retention period the worker's identity goes; what the statistics need stays. */
@ServiceTest
@TestPropertySource(properties = "huiyin.intake.retention.personal-data-after-closure=PT0S")
class RetentionTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aClosedGrievanceLosesTheWorkersIdentityAndKeepsItsStatistics() throws Exception {
        HttpJson clerk = HttpJson.at(port).as(TestUser.of("window-clerk"));
        String closed = clerk.post("/api/grievances", FilingAGrievanceTest.RIDER_INSURANCE_CLAIM).json()
            .get("trackingNumber").asString();
        String open = clerk.post("/api/grievances", FilingAGrievanceTest.RIDER_INSURANCE_CLAIM).json()
            .get("trackingNumber").asString();
        clerk.post("/api/grievances/" + closed + "/withdrawal", "{\"reason\": \"已解决\"}");
        Thread.sleep(5);

        JsonNode run = HttpJson.at(port).as(TestUser.of("admin")).post("/api/admin/retention/run", "").json();

        assertThat(run.get("erased").asInt()).isGreaterThanOrEqualTo(1);
        Document erased = mongo.getCollection("grievances").find(new Document("_id", closed)).first();
        Document worker = erased.get("worker", Document.class);
        assertThat(worker.get("name")).isNull();
        assertThat(worker.get("mobile")).isNull();
        assertThat(worker.get("residentId")).isNull();
        assertThat(worker.getString("group")).isEqualTo("FOOD_DELIVERY_RIDER");
        assertThat(erased.getString("category")).isEqualTo("INJURY_INSURANCE");
        assertThat(erased.getString("workerRef")).startsWith("wk-");
        assertThat(erased.get("personalDataErasedAt")).isNotNull();
        Document stillOpen = mongo.getCollection("grievances").find(new Document("_id", open)).first();
        assertThat(stillOpen.get("worker", Document.class).getString("mobile")).startsWith("v1:");
        JsonNode view = clerk.get("/api/grievances/" + closed).json();
        assertThat(view.get("personalDataErased").asBoolean()).isTrue();
        assertThat(view.at("/worker/mobile").isNull()).isTrue();
    }

    @Test
    void onlyAnAdministratorMayRunIt() {
        assertThat(HttpJson.at(port).as(TestUser.of("supervisor")).post("/api/admin/retention/run", "").status())
            .isEqualTo(403);
    }
}
