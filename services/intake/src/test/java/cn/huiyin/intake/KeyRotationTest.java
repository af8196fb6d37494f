package cn.huiyin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;

import cn.huiyin.intake.application.housekeeping.KeyRotation;
import cn.huiyin.platform.service.security.FieldCipher;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * After a field-encryption key rotation (k0 retired, k1 active), values still under k0 are re-encrypted in the
 * background, and read the same afterwards.
 */
@ServiceTest
@TestPropertySource(properties = {
    "huiyin.security.field-encryption.key=",
    "huiyin.security.field-encryption.keys.k0=" + KeyRotationTest.OLD_KEY,
    "huiyin.security.field-encryption.keys.k1=" + KeyRotationTest.NEW_KEY,
    "huiyin.security.field-encryption.active-key=k1"})
class KeyRotationTest {

    /** Test keys: base64 of 32 bytes each. */
    static final String OLD_KEY = "b2xkLWtleS1vbmx5LWZvci1yb3RhdGlvbi10ZXN0cyE=";
    static final String NEW_KEY = "bmV3LWtleS1vbmx5LWZvci1yb3RhdGlvbi10ZXN0cyE=";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KeyRotation rotation;

    @Test
    void valuesUnderTheOldKeyAreReEncryptedWithTheActiveKeyAndStillRead() {
        String id = HttpJson.at(port).as(TestUser.of("window-clerk")).post("/api/grievances",
            FilingAGrievanceTest.RIDER_INSURANCE_CLAIM).json().get("trackingNumber").asString();
        FieldCipher old = new FieldCipher(Map.of("k0", Base64.getDecoder().decode(OLD_KEY)), "k0");
        mongo.getCollection("grievances").updateOne(new Document("_id", id), new Document("$set", new Document()
            .append("worker.name", old.encrypt("李明", context("name", id)))
            .append("worker.mobile", old.encrypt("13812341234", context("mobile", id)))
            .append("worker.residentId", old.encrypt("11010519491231002X", context("residentId", id)))));

        int rotated = rotation.run();

        Document worker = mongo.getCollection("grievances").find(new Document("_id", id)).first()
            .get("worker", Document.class);
        assertThat(rotated).isGreaterThanOrEqualTo(1);
        assertThat(worker.getString("name")).startsWith("v1:k1:");
        assertThat(worker.getString("mobile")).startsWith("v1:k1:");
        assertThat(worker.getString("residentId")).startsWith("v1:k1:");
        assertThat(rotation.run()).as("nothing left under k0").isZero();
        assertThat(HttpJson.at(port).as(TestUser.of("callback-agent", "org-hotline-12345", "510100"))
            .get("/api/grievances/" + id + "/contact?reason=%E5%9B%9E%E8%AE%BF").json().get("mobile").asString())
            .isEqualTo("13812341234");
    }

    private static String context(String field, String id) {
        return "intake.grievances.worker." + field + ":" + id;
    }
}
