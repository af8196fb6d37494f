package cn.huiyin.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.TestInstants;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The worker opts out by themselves with the receipt's tracking number and query code (checked by intake): later
 * messages about that grievance are recorded WITHHELD, the acceptance never is; opting back in sends again. Bad input
 * gets problems naming every field, in Chinese and English; wrong digits look exactly like an unknown number.
 */
class WorkerOptOutTest extends NotificationsScenario {

    private static final String CONSENT = "/api/public/notifications/consent";

    @Test
    void theWorkersOwnOptOutWithholdsEverythingButTheAcceptanceAndOptingInSendsAgain() {
        String id = NotificationsKit.newGrievanceId();
        String mobile = "13600136" + id.substring(id.length() - 3);
        intake.worker(id, mobile);
        intake.queryCode(id, "4827195036");
        kit.submitted(id, TestInstants.DEFAULT, false);
        NotificationsKit.awaitSms(mobile, l -> l.size() == 1);

        HttpJson.Response done = HttpJson.at(port).put(CONSENT,
            "{\"trackingNumber\":\" " + id + " \",\"queryCode\":\"4827195036\",\"optedOut\":true}");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().path("optedOut").asBoolean()).isTrue();
        assertThat(done.json().path("effectZh").asString()).contains("已退订");
        assertThat(intake.lookupClients()).last().as("intake's lock-out counts the worker's address")
            .isEqualTo("127.0.0.1");
        assertThat(kit.as(WorkerMessagesTest.HOTLINE).get("/api/notifications/workers/" + id + "/consent").json()
            .path("optedOut").asBoolean()).as("staff see the choice, never the code").isTrue();

        kit.signedFor(id, TestInstants.DEFAULT.plus(Duration.ofMinutes(5)));
        kit.followUp("MaterialRequested", "v1-hospital-diagnosis.json", id, Map.of("requestId", id + "-M1",
            "requestedAt", TestInstants.DEFAULT.plus(Duration.ofMinutes(10)).toString()),
            TestInstants.DEFAULT.plus(Duration.ofMinutes(10)));
        List<JsonNode> withheld = await().atMost(Duration.ofSeconds(30)).until(() -> messages(id),
            all -> all.stream().filter(m -> m.path("status").asString().equals("WITHHELD")).count() == 2);
        assertThat(withheld).extracting(m -> m.path("template").asString() + " " + m.path("status").asString())
            .containsExactly("WORKER_ACCEPTED DELIVERED", "WORKER_SIGNED_FOR WITHHELD",
                "WORKER_MATERIAL_REQUESTED WITHHELD");
        assertThat(withheld.toString()).doesNotContain("4827195036");
        assertThat(NotificationsKit.sms(mobile)).hasSize(1);

        assertThat(HttpJson.at(port).put(CONSENT,
            "{\"trackingNumber\":\"" + id + "\",\"queryCode\":\"4827195036\",\"optedOut\":false}").status())
            .isEqualTo(200);
        Instant closedAt = TestInstants.DEFAULT.plus(Duration.ofHours(1));
        kit.followUp("GrievanceClosed", "v1-resolved-and-satisfied.json", id, Map.of("closedAt", closedAt.toString()),
            closedAt);
        assertThat(NotificationsKit.awaitSms(mobile, l -> l.size() == 2)).last()
            .satisfies(text -> assertThat(text.path("text").asString()).contains("已结案"));
    }

    @Test
    void badInputNamesEveryFieldWrongDigitsLookLikeAnUnknownNumberAndGuessingIsLockedOut() {
        String id = NotificationsKit.newGrievanceId();
        intake.queryCode(id, "5930172846");
        kit.submitted(id, TestInstants.DEFAULT, false);
        HttpJson anyone = HttpJson.at(port);

        HttpJson.Response empty = anyone.put(CONSENT, "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("trackingNumber", "queryCode", "optedOut", "请填写受理编号",
            "Give the tracking number");
        HttpJson.Response malformed = anyone.put(CONSENT,
            "{\"trackingNumber\":\"" + "X".repeat(21) + "\",\"queryCode\":\"12ab\",\"optedOut\":true}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("TOO_LONG", "MALFORMED", "查询码", "query code").doesNotContain("optedOut");
        assertThat(anyone.put(CONSENT, "not json").status()).isEqualTo(400);

        HttpJson.Response wrong = anyone.put(CONSENT,
            "{\"trackingNumber\":\"" + id + "\",\"queryCode\":\"1111111111\",\"optedOut\":true}");
        HttpJson.Response unknown = anyone.put(CONSENT,
            "{\"trackingNumber\":\"HY-20991231-999999\",\"queryCode\":\"1111111111\",\"optedOut\":true}");
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wrong.json().path("code").asString()).isEqualTo(unknown.json().path("code").asString())
            .isEqualTo("self-service.no-match");
        assertThat(wrong.body()).doesNotContain("1111111111");

        for (int i = 1; i < StubIntake.LOCK_OUT_AFTER; i++) {
            anyone.put(CONSENT, "{\"trackingNumber\":\"" + id + "\",\"queryCode\":\"222222222" + i + "\",\"optedOut\":true}");
        }
        HttpJson.Response locked = anyone.put(CONSENT,
            "{\"trackingNumber\":\"" + id + "\",\"queryCode\":\"5930172846\",\"optedOut\":true}");
        assertThat(locked.status()).as("intake's lock-out holds even for the right code").isEqualTo(429);
        HttpJson.Response consent = await().atMost(Duration.ofSeconds(30)).until(() -> kit.as(
            WorkerMessagesTest.HOTLINE).get("/api/notifications/workers/" + id + "/consent"), r -> r.status() == 200);
        assertThat(consent.json().path("optedOut").asBoolean()).as("nothing stored").isFalse();
    }

    private List<JsonNode> messages(String id) {
        JsonNode found = kit.as(StaffMessagesTest.SUPERVISOR).get("/api/notifications/cases/" + id).json();
        return found.isArray() ? found.valueStream().toList() : List.of();
    }
}
