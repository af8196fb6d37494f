package cn.huiyin.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import cn.huiyin.platform.calendar.ChinaCalendar;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.TestInstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The Heyuan rider's refused insurance claim (domain brief, follow-up's HeyuanRiderClaimTest), its events as intake,
 * triage and follow-up publish them on the real Kafka, run to closure: the worker gets exactly the acceptance, the
 * sign-for, the request for material, the resolution with its remedy, the callback notice and the closure, once each,
 * in that order, every one between 08:00 and 21:00 Beijing time (a step in the night waits for the morning).
 */
class HeyuanRiderClaimTest extends NotificationsScenario {

    @ParameterizedTest
    @MethodSource("cn.huiyin.platform.test.TestInstants#critical")
    void theRiderHearsBackAtEveryStageOnceInOrderAtAllowedHours(Instant filedAt) {
        String id = NotificationsKit.newGrievanceId();
        String mobile = "137" + id.substring(id.length() - 6) + "17";
        intake.worker(id, mobile);

        step(filedAt, mobile, 0, 1, () -> kit.submitted(id, filedAt, false));
        Instant signedAt = filedAt.plus(Duration.ofMinutes(10));
        step(signedAt, mobile, 1, 2, () -> kit.signedFor(id, signedAt));
        Instant askedAt = filedAt.plus(Duration.ofHours(12));
        step(askedAt, mobile, 2, 3, () -> kit.followUp("MaterialRequested", "v1-hospital-diagnosis.json", id,
            Map.of("requestId", id + "-M1", "requestedAt", askedAt.toString()), askedAt));
        Instant resolvedAt = filedAt.plus(Duration.ofDays(1));
        step(resolvedAt, mobile, 3, 5, () -> kit.followUp("GrievanceResolved", "v1-claim-paid.json", id,
            Map.of("resolvedAt", resolvedAt.toString()), resolvedAt));
        Instant calledAt = resolvedAt.plus(Duration.ofHours(20));
        kit.followUp("CallbackRecorded", "v1-rider-satisfied.json", id, Map.of("recordedAt", calledAt.toString()),
            calledAt);
        step(calledAt.plusSeconds(60), mobile, 5, 6, () -> kit.followUp("GrievanceClosed",
            "v1-resolved-and-satisfied.json", id, Map.of("closedAt", calledAt.plusSeconds(60).toString()),
            calledAt.plusSeconds(60)));

        WorkerMessagesTest.sleep(Duration.ofSeconds(2));
        List<JsonNode> texts = NotificationsKit.sms(mobile);
        assertThat(texts).extracting(t -> t.path("text").asString()).satisfiesExactly(
            accepted -> assertThat(accepted).contains("已受理", id).contains("查询码"),
            signed -> assertThat(signed).contains("市网约配送行业党委签收"),
            material -> assertThat(material).contains("需补充材料：请补充医院诊断证明和事发当日的订单截图", "11月25日前"),
            resolved -> assertThat(resolved).contains("已办结：经调取轨迹证明", "追回8260.00元", "理赔已获支付"),
            callback -> assertThat(callback).contains("回访"),
            closed -> assertThat(closed).contains("已结案（已解决，您表示满意）"));
        for (JsonNode text : texts) {
            LocalTime sent = Instant.parse(text.path("at").asString()).atZone(ChinaCalendar.ZONE).toLocalTime();
            assertThat(sent).as(text.path("text").asString()).isBetween(LocalTime.of(8, 0), LocalTime.of(21, 0));
            assertThat(text.path("text").asString()).doesNotContain(mobile).doesNotContain("wk-");
        }
        assertThat(topic.of(id)).filteredOn(e -> e.type().equals("NotificationSent")).hasSize(6);
    }

    /**
     * The same claim, but after the acceptance the rider opts out with the receipt's number and query code: the
     * acceptance is the one text; every later stage is recorded WITHHELD on the case, once each, and nothing is sent.
     */
    @Test
    void theRiderWhoOptsOutHearsOnlyTheAcceptanceAndEveryLaterStageIsWithheldOnce() {
        Instant filedAt = TestInstants.DEFAULT;
        String id = NotificationsKit.newGrievanceId();
        String mobile = "135" + id.substring(id.length() - 6) + "17";
        intake.worker(id, mobile);
        intake.queryCode(id, "7305918264");
        step(filedAt, mobile, 0, 1, () -> kit.submitted(id, filedAt, false));
        assertThat(HttpJson.at(port).put("/api/public/notifications/consent",
            "{\"trackingNumber\":\"" + id + "\",\"queryCode\":\"7305918264\",\"optedOut\":true}").status())
            .isEqualTo(200);

        kit.signedFor(id, filedAt.plus(Duration.ofMinutes(10)));
        Instant askedAt = filedAt.plus(Duration.ofHours(2));
        clock.set(askedAt);
        kit.followUp("MaterialRequested", "v1-hospital-diagnosis.json", id,
            Map.of("requestId", id + "-M1", "requestedAt", askedAt.toString()), askedAt);
        Instant resolvedAt = filedAt.plus(Duration.ofDays(1));
        clock.set(resolvedAt);
        kit.followUp("GrievanceResolved", "v1-claim-paid.json", id, Map.of("resolvedAt", resolvedAt.toString()),
            resolvedAt);
        Instant closedAt = resolvedAt.plus(Duration.ofHours(4));
        clock.set(closedAt);
        kit.followUp("GrievanceClosed", "v1-resolved-and-satisfied.json", id, Map.of("closedAt", closedAt.toString()),
            closedAt);

        List<JsonNode> messages = await().atMost(Duration.ofSeconds(40)).until(() -> kit.as(StaffMessagesTest.SUPERVISOR)
                .get("/api/notifications/cases/" + id).json().valueStream()
                .filter(m -> m.path("audience").asString().equals("WORKER")).toList(),
            all -> all.size() == 6 && all.stream().noneMatch(m -> m.path("status").asString().equals("QUEUED")));
        assertThat(messages).extracting(m -> m.path("template").asString() + " " + m.path("status").asString())
            .containsExactly("WORKER_ACCEPTED DELIVERED", "WORKER_SIGNED_FOR WITHHELD",
                "WORKER_MATERIAL_REQUESTED WITHHELD", "WORKER_RESOLVED WITHHELD", "WORKER_CALLBACK_COMING WITHHELD",
                "WORKER_CLOSED WITHHELD");
        WorkerMessagesTest.sleep(Duration.ofSeconds(2));
        assertThat(NotificationsKit.sms(mobile)).singleElement()
            .satisfies(text -> assertThat(text.path("text").asString()).contains("已受理", id));
        assertThat(topic.of(id)).filteredOn(e -> e.type().equals("NotificationSent")).hasSize(1);
    }

    /**
     * Moves the clock to {@code at}, publishes, and waits until the worker's {@code before} messages became
     * {@code expected}; if {@code at}
     * lies in the night, first shows that nothing came, then moves the clock to 08:00.
     */
    private void step(Instant at, String mobile, int before, int expected, Runnable publish) {
        clock.set(at);
        publish.run();
        LocalTime local = at.atZone(ChinaCalendar.ZONE).toLocalTime();
        if (local.isBefore(LocalTime.of(8, 0)) || !local.isBefore(LocalTime.of(21, 0))) {
            WorkerMessagesTest.sleep(Duration.ofSeconds(3));
            assertThat(NotificationsKit.sms(mobile)).as("nothing at night (%s)", local).hasSize(before);
            var morning = at.atZone(ChinaCalendar.ZONE);
            morning = (local.isBefore(LocalTime.of(8, 0)) ? morning : morning.plusDays(1)).with(LocalTime.of(8, 0));
            clock.set(morning.toInstant());
        }
        NotificationsKit.awaitSms(mobile, l -> l.size() >= expected);
        assertThat(NotificationsKit.sms(mobile)).hasSize(expected);
    }
}
