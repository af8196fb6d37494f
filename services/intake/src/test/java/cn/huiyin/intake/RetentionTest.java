package cn.huiyin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import cn.huiyin.intake.application.housekeeping.PersonalDataRetention;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestClock;
import cn.huiyin.platform.test.TestInstants;
import cn.huiyin.platform.test.TestUser;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * After the retention period everything personal about a grievance goes — identity, pseudonym, the worker's words,
 * files, the exact place, references, the query code's hash; what the statistics need stays. One instance does each
 * night's run, and a grievance that cannot be erased does not stop the others.
 */
@ServiceTest
@TestPropertySource(properties = "huiyin.intake.retention.personal-data-after-closure=PT1H")
class RetentionTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    @Autowired
    PersonalDataRetention retention;

    private HttpJson clerk() {
        return HttpJson.at(port).as(TestUser.of("window-clerk"));
    }

    @BeforeEach
    void resetTheClock() {
        clock.set(TestInstants.DEFAULT);
    }

    @Test
    void aClosedGrievanceLosesEverythingPersonalAndKeepsItsStatistics() {
        String closed = file();
        String open = file();
        clerk().post("/api/grievances/" + closed + "/supplements", "{\"text\": \"工号 MT-8842，站长王五可作证\"}");
        String fileId = upload(closed, "李明的诊断证明.png");
        clerk().post("/api/grievances/" + closed + "/withdrawal", "{\"reason\": \"已解决\"}");
        clock.advance(Duration.ofHours(2));

        JsonNode run = HttpJson.at(port).as(TestUser.of("admin")).post("/api/admin/retention/run", "").json();

        assertThat(run.get("erased").asInt()).isGreaterThanOrEqualTo(1);
        Document erased = mongo.getCollection("grievances").find(new Document("_id", closed)).first();
        // Events still waiting in the outbox are not the grievance's state (and carry no personal data, ADR 0008).
        Document state = new Document(erased);
        state.remove("outbox");
        String raw = state.toJson();
        assertThat(raw).doesNotContain("v1:k1:", "wk-", "h1:", "MT-8842", "李明的诊断证明", "MT2026111218342211",
            "成龙大道二段", "雨天送餐", "工作日晚上", "大面站");
        Document worker = erased.get("worker", Document.class);
        assertThat(worker.getString("group")).isEqualTo("FOOD_DELIVERY_RIDER");
        assertThat(worker.getString("platformOrEmployer")).isEqualTo("美团");
        assertThat(erased.getString("category")).isEqualTo("INJURY_INSURANCE");
        assertThat(erased.get("place", Document.class).getString("divisionCode")).isEqualTo("510112002");
        assertThat(erased.get("personalDataErasedAt")).isNotNull();
        assertThat(mongo.getCollection("evidence.files").countDocuments(new Document("metadata.grievanceId", closed)))
            .isZero();
        assertThat(mongo.getCollection("evidence.files").countDocuments(new Document("_id",
            new org.bson.types.ObjectId(fileId)))).isZero();
        Document stillOpen = mongo.getCollection("grievances").find(new Document("_id", open)).first();
        assertThat(stillOpen.get("worker", Document.class).getString("mobile")).startsWith("v1:");
        JsonNode view = clerk().get("/api/grievances/" + closed).json();
        assertThat(view.get("personalDataErased").asBoolean()).isTrue();
        assertThat(view.at("/worker/mobile").isNull()).isTrue();
        assertThat(view.get("evidenceCount").asInt()).isZero();
    }

    @Test
    void aGrievanceThatCannotBeErasedDoesNotStopTheOthers() {
        String broken = file();
        String fine = file();
        clerk().post("/api/grievances/" + broken + "/withdrawal", "{}");
        clerk().post("/api/grievances/" + fine + "/withdrawal", "{}");
        // A value moved in from another grievance no longer decrypts: reading this one fails.
        String foreign = mongo.getCollection("grievances").find(new Document("_id", fine)).first()
            .get("worker", Document.class).getString("name");
        mongo.getCollection("grievances").updateOne(new Document("_id", broken),
            new Document("$set", new Document("worker.name", foreign)));
        clock.advance(Duration.ofHours(2));

        PersonalDataRetention.Run run = retention.run();

        assertThat(run.skipped()).isGreaterThanOrEqualTo(1);
        assertThat(mongo.getCollection("grievances").find(new Document("_id", fine)).first()
            .get("personalDataErasedAt")).isNotNull();
        assertThat(mongo.getCollection("grievances").find(new Document("_id", broken)).first()
            .get("personalDataErasedAt")).isNull();
    }

    @Test
    void eachNightsRunIsDoneByOneInstanceOnly() {
        clock.advance(Duration.ofDays(40));

        boolean first = retention.runScheduled("instance-a").isPresent();
        boolean second = retention.runScheduled("instance-b").isPresent();
        clock.advance(Duration.ofDays(1));
        boolean nextNight = retention.runScheduled("instance-b").isPresent();

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(nextNight).isTrue();
    }

    @Test
    void onlyAnAdministratorMayRunIt() {
        assertThat(HttpJson.at(port).as(TestUser.of("supervisor")).post("/api/admin/retention/run", "").status())
            .isEqualTo(403);
    }

    private String file() {
        return clerk().post("/api/grievances", FilingAGrievanceTest.RIDER_INSURANCE_CLAIM).json()
            .get("trackingNumber").asString();
    }

    private String upload(String id, String filename) {
        String boundary = "huiyin-retention";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
            + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(EvidenceTest.PNG);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String location = clerk().postWithContentType("/api/grievances/" + id + "/evidence",
            "multipart/form-data; boundary=" + boundary, body.toByteArray()).header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
