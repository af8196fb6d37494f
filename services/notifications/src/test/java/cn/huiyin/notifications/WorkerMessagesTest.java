package cn.huiyin.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.TestInstants;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The worker hears back: intake's and triage's events, as published, become text messages to the mobile intake gives
 * for the grievance, once each, in order, with the tracking number and nothing more personal.
 */
class WorkerMessagesTest extends NotificationsScenario {

    static final TestUser HOTLINE = TestUser.of("hotline-operator", "org-hotline-12345", TestUser.CITY);

    @Test
    void anAcceptedAndSignedForGrievanceTextsTheWorkerTwiceAndARedeliveryChangesNothing() {
        String id = NotificationsKit.newGrievanceId();
        String mobile = "13800138" + id.substring(id.length() - 3);
        intake.worker(id, mobile);
        Instant filed = TestInstants.DEFAULT;
        String submitted = kit.submitted(id, filed, false);
        kit.signedFor(id, filed.plus(Duration.ofMinutes(20)));

        List<JsonNode> texts = NotificationsKit.awaitSms(mobile, l -> l.size() >= 2);
        assertThat(texts).extracting(t -> t.path("text").asString()).containsExactly(
            "【回音】您的诉求已受理，编号" + id + "。请凭受理回执上的查询码随时查询办理进度。",
            "【回音】您的诉求" + id + "已由市网约配送行业党委签收办理，工作人员将尽快与您联系。");
        assertThat(texts).allSatisfy(t -> assertThat(t.path("segments").asInt()).isEqualTo(1));

        ObjectNodes.republish(kit, NotificationsKit.INTAKE, "/huiyin/intake", "cn.huiyin.intake.GrievanceSubmitted.v1",
            id, filed, submitted);
        kit.signedFor(id, filed.plus(Duration.ofMinutes(20)));
        sleep(Duration.ofSeconds(3));
        assertThat(NotificationsKit.sms(mobile)).as("a redelivered event (same ce_id) sends nothing again; another "
            + "sign-for event (new ce_id) is a new message").hasSize(3);
        assertThat(topic.of(id)).extracting(NotificationsTopic.Event::type).containsOnly("NotificationSent");
    }

    @Test
    void aLedgerRowClosedBeforeHuiyinTookItOverSendsNoAcceptanceAnOpenOneDoes() {
        String closed = NotificationsKit.newGrievanceId();
        String open = NotificationsKit.newGrievanceId();
        String mobile = "13700137" + open.substring(open.length() - 3);
        intake.worker(closed, mobile);
        intake.worker(open, mobile);

        kit.importedFromLedger(closed, TestInstants.DEFAULT, true);
        kit.importedFromLedger(open, TestInstants.DEFAULT, false);

        NotificationsKit.awaitSms(mobile, l -> !l.isEmpty());
        sleep(Duration.ofSeconds(3));
        assertThat(NotificationsKit.sms(mobile)).extracting(t -> t.path("text").asString())
            .containsExactly("【回音】您的诉求已受理，编号" + open + "。请凭受理回执上的查询码随时查询办理进度。");
    }

    @Test
    void aWorkerWhoOptedOutGetsOnlyTheAcceptanceAndStaffCannotSendThemMore() {
        String id = NotificationsKit.newGrievanceId();
        String mobile = "13900139" + id.substring(id.length() - 3);
        intake.worker(id, mobile);
        kit.submitted(id, TestInstants.DEFAULT, false);
        NotificationsKit.awaitSms(mobile, l -> !l.isEmpty());
        HttpJson hotline = kit.as(HOTLINE);
        assertThat(hotline.put("/api/notifications/workers/" + id + "/consent", "{\"optedOut\": true}").status())
            .isEqualTo(200);
        assertThat(hotline.get("/api/notifications/workers/" + id + "/consent").json().path("optedOut").asBoolean())
            .isTrue();

        kit.signedFor(id, TestInstants.DEFAULT.plus(Duration.ofMinutes(5)));
        kit.followUp("GrievanceClosed", "v1-resolved-and-satisfied.json", id,
            Map.of("closedAt", TestInstants.DEFAULT.plus(Duration.ofHours(1)).toString()),
            TestInstants.DEFAULT.plus(Duration.ofHours(1)));
        HttpJson.Response refused = hotline.post("/api/notifications/workers/" + id + "/messages", """
            {"template": "WORKER_SIGNED_FOR", "parameters": {"trackingNumber": "%s", "organisation": "市网约配送行业党委"}}"""
            .formatted(id));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("grievanceId", "NO_CONSENT", "职工已退订", "opted out");
        HttpJson.Response again = hotline.post("/api/notifications/workers/" + id + "/messages",
            "{\"template\": \"WORKER_ACCEPTED\", \"parameters\": {\"trackingNumber\": \"" + id + "\"}}",
            "Idempotency-Key", "resend-" + id);
        assertThat(again.status()).isEqualTo(200);
        hotline.post("/api/notifications/workers/" + id + "/messages",
            "{\"template\": \"WORKER_ACCEPTED\", \"parameters\": {\"trackingNumber\": \"" + id + "\"}}",
            "Idempotency-Key", "resend-" + id);

        sleep(Duration.ofSeconds(3));
        assertThat(NotificationsKit.sms(mobile)).as("the acceptance, and once more on request; nothing else")
            .extracting(t -> t.path("text").asString()).hasSize(2).allSatisfy(t -> assertThat(t).contains("已受理"));
    }

    @Test
    void badRequestsToSendAWorkerMessageNameEveryField() {
        String id = NotificationsKit.newGrievanceId();
        intake.worker(id, "13300133" + id.substring(id.length() - 3));
        kit.submitted(id, TestInstants.DEFAULT, false);
        HttpJson hotline = kit.as(HOTLINE);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
            .until(() -> hotline.get("/api/notifications/workers/" + id + "/consent").status() == 200);

        HttpJson.Response staffTemplate = hotline.post("/api/notifications/workers/" + id + "/messages",
            "{\"template\": \"STAFF_DEADLINE_BREACHED\", \"parameters\": {\"subject\": \"x\"}}");
        assertThat(staffTemplate.status()).isEqualTo(400);
        assertThat(staffTemplate.body()).contains("parameters.limit", "parameters.dueAt", "parameters.organisation");
        HttpJson.Response unknown = hotline.post("/api/notifications/workers/" + id + "/messages",
            "{\"template\": \"WORKER_LOTTERY_WON\"}");
        assertThat(unknown.status()).isEqualTo(404);
        HttpJson.Response noTemplate = hotline.post("/api/notifications/workers/" + id + "/messages", "{}");
        assertThat(noTemplate.status()).isEqualTo(400);
        assertThat(noTemplate.body()).contains("template", "请指定模板", "Name the template");
        TestUser elsewhere = TestUser.of("hotline-operator", "org-hotline-jinjiang", "510104");
        assertThat(kit.as(elsewhere).get("/api/notifications/workers/" + id + "/consent").status())
            .as("outside the caller's jurisdiction").isEqualTo(404);
        assertThat(kit.as(HOTLINE).put("/api/notifications/workers/" + id + "/consent", "{}").body())
            .contains("optedOut", "请说明是否退订");
    }

    @Test
    void aConfidentialGrievanceNeverNamesTheEnterprise() {
        String id = NotificationsKit.newGrievanceId();
        String mobile = "13700137" + id.substring(id.length() - 3);
        intake.worker(id, mobile);
        kit.submitted(id, TestInstants.DEFAULT, true);
        var accepted = NotificationsKit.example("triage/AssignmentAccepted/examples/v1-committee-signs-for.json");
        accepted.put("grievanceId", id).put("acceptedAt", TestInstants.DEFAULT.plusSeconds(60).toString());
        accepted.putObject("organisation").put("id", "org-ent-meituan").put("name", "美团成都区域党委")
            .put("type", "ENTERPRISE");
        kit.publish(NotificationsKit.TRIAGE, "/huiyin/triage", "cn.huiyin.triage.AssignmentAccepted.v1", id, accepted,
            TestInstants.DEFAULT.plusSeconds(60));

        List<JsonNode> texts = NotificationsKit.awaitSms(mobile, l -> l.size() >= 2);
        assertThat(texts.get(1).path("text").asString()).contains("相关单位").doesNotContain("美团");
    }

    @Test
    void aMessageAfterNineInTheEveningWaitsForEightInTheMorning() {
        String id = NotificationsKit.newGrievanceId();
        String mobile = "13600136" + id.substring(id.length() - 3);
        intake.worker(id, mobile);
        Instant late = Instant.parse("2026-12-02T13:30:00Z"); // 21:30 Beijing
        clock.set(late);
        kit.submitted(id, late, false);
        sleep(Duration.ofSeconds(3));
        assertThat(NotificationsKit.sms(mobile)).as("not at 21:30").isEmpty();

        clock.set(Instant.parse("2026-12-03T00:00:01Z")); // 08:00:01 Beijing
        assertThat(NotificationsKit.awaitSms(mobile, l -> !l.isEmpty())).hasSize(1);
        assertThat(NotificationsKit.sms(mobile).get(0).path("at").asString()).startsWith("2026-12-03T00:00");
    }

    @Test
    void whileIntakeCannotBeAskedTheMessageWaitsAndGoesOnceItCan() {
        String id = NotificationsKit.newGrievanceId();
        String mobile = "13500135" + id.substring(id.length() - 3);
        intake.worker(id, mobile);
        intake.down(true);
        kit.submitted(id, TestInstants.DEFAULT, false);
        sleep(Duration.ofSeconds(2));
        assertThat(NotificationsKit.sms(mobile)).isEmpty();
        intake.down(false);
        assertThat(NotificationsKit.awaitSms(mobile, l -> !l.isEmpty())).hasSize(1);
    }

    @Test
    void aReopenedGrievanceTellsTheWorkerWhoHandlesItAgainAndByWhen() {
        String id = NotificationsKit.newGrievanceId();
        String mobile = "13200132" + id.substring(id.length() - 3);
        intake.worker(id, mobile);
        kit.submitted(id, TestInstants.DEFAULT, false);
        kit.followUp("GrievanceReopened", "v1-dissatisfied-first-time.json", id,
            Map.of("reopenedAt", TestInstants.DEFAULT.plusSeconds(120).toString()), TestInstants.DEFAULT.plusSeconds(120));
        assertThat(NotificationsKit.awaitSms(mobile, l -> l.size() >= 2).get(1).path("text").asString())
            .isEqualTo("【回音】您的诉求" + id + "已重新办理，承办单位青白江区委社会工作部，将于12月14日前办结。");
    }

    @Test
    void aWorkerGetsAtMostFiveMessagesAnHourAndTheSixthWaitsForTheNextHour() {
        String mobile = "13000130" + String.format("%03d", (int) (Math.random() * 1000));
        String workerRef = "wk-flood-" + mobile;
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = NotificationsKit.newGrievanceId();
            intake.worker(id, mobile);
            ids.add(id);
            var data = NotificationsKit.example("intake/GrievanceSubmitted/examples/v1-rider-insurance-claim-window.json");
            data.put("grievanceId", id).put("trackingNumber", id).put("submittedAt", clock.instant().toString());
            ((tools.jackson.databind.node.ObjectNode) data.get("worker")).put("workerRef", workerRef);
            kit.publish(NotificationsKit.INTAKE, "/huiyin/intake", "cn.huiyin.intake.GrievanceSubmitted.v1", id, data,
                clock.instant());
        }
        NotificationsKit.awaitSms(mobile, l -> l.size() >= 5);
        sleep(Duration.ofSeconds(3));
        assertThat(NotificationsKit.sms(mobile)).as("one worker, six grievances in a minute: five texts").hasSize(5);
        JsonNode held = ids.stream().map(id -> kit.as(StaffMessagesTest.SUPERVISOR).get("/api/notifications/cases/" + id)
                .json().get(0)).filter(m -> m.path("status").asString().equals("QUEUED")).findFirst().orElseThrow();
        assertThat(held.path("history").valueStream().map(h -> h.path("code").asString()))
            .contains("POSTPONED_RATE_LIMIT");

        clock.advance(Duration.ofMinutes(61));
        assertThat(NotificationsKit.awaitSms(mobile, l -> l.size() >= 6)).hasSize(6);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
