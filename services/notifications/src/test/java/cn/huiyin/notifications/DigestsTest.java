package cn.huiyin.notifications;

import static cn.huiyin.notifications.StaffMessagesTest.beijing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Many reminders held over a night go to a duty contact as one digest listing the cases, not one each; a few still go
 * one by one. The callback centre gets the day's callbacks due when the office opens, once.
 */
class DigestsTest extends NotificationsScenario {

    static final String DUTY_MAIL = "duty@digest-test.example.cn";
    static final String DUTY_MOBILE = "13900000001";
    private static final String CALLBACK_DUTY = "duty@callback.example.cn";
    private static final TestUser DIGEST_HANDLER = TestUser.of("org-handler", "org-digest-test", TestUser.CITY);

    @Test
    void sixRemindersHeldOverTheNightGoAtNineAsOneDigestListingEveryCase() {
        Instant night = beijing("2026-12-22T23:30");
        clock.set(night);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = NotificationsKit.newGrievanceId();
            ids.add(id);
            kit.submitted(id, night.minus(Duration.ofDays(3)), false);
            reminderTo("org-digest-test", "数字汇总测试单位", id, night.plusSeconds(i));
        }
        // Each reminder is queued for the inbox, the mailbox and the mobile, all for 09:00.
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> reminders(id).size() == 3));

        Instant nine = beijing("2026-12-23T09:00");
        clock.set(nine);
        List<JsonNode> digests = await().atMost(Duration.ofSeconds(30)).until(
            () -> NotificationsKit.mail(DUTY_MAIL, "12月23日待办汇总"), found -> !found.isEmpty());
        WorkerMessagesTest.sleep(Duration.ofSeconds(2));
        digests = NotificationsKit.mail(DUTY_MAIL, "12月23日待办汇总");
        assertThat(digests).as("one digest a day per duty contact").hasSize(1);
        String body = digests.get(0).path("body").asString();
        assertThat(body).contains("您单位有6条提醒").contains(ids.get(0) + "、" + ids.get(1)).contains("等6件");
        assertThat(body.substring(body.indexOf("全部："))).contains(ids);
        assertThat(Instant.parse(digests.get(0).path("at").asString())).isBetween(nine, nine.plusSeconds(30));
        for (String id : ids) {
            assertThat(NotificationsKit.mail(DUTY_MAIL, id)).as("no reminder of its own for " + id).hasSize(1);
        }
        List<JsonNode> sms = NotificationsKit.sms(DUTY_MOBILE).stream()
            .filter(l -> l.path("text").asString().contains("12月23日待办汇总")).toList();
        assertThat(sms).singleElement().satisfies(text -> {
            assertThat(text.path("text").asString()).contains(ids.get(0)).doesNotContain("全部");
            assertThat(text.path("segments").asInt()).isBetween(2, 3);
        });

        assertThat(reminders(ids.get(3))).extracting(m -> m.path("channel").asString() + " "
            + m.path("status").asString()).containsExactlyInAnyOrder("INBOX DELIVERED", "EMAIL DIGESTED", "SMS DIGESTED");
        List<JsonNode> inbox = kit.as(DIGEST_HANDLER).get("/api/notifications/inbox?size=100").json().path("items")
            .valueStream().filter(i -> ids.contains(i.path("subject").asString())).toList();
        assertThat(inbox).as("the inbox keeps one entry per case").hasSize(6);
    }

    @Test
    void aFewRemindersStillGoOneByOne() {
        Instant night = beijing("2026-12-24T23:30");
        clock.set(night);
        List<String> ids = List.of(NotificationsKit.newGrievanceId(), NotificationsKit.newGrievanceId());
        ids.forEach(id -> {
            kit.submitted(id, night.minus(Duration.ofDays(3)), false);
            reminderTo("org-digest-test", "数字汇总测试单位", id, night);
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> reminders(id).size() == 3));

        clock.set(beijing("2026-12-25T09:00"));
        for (String id : ids) {
            assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> NotificationsKit.mail(DUTY_MAIL, id),
                found -> !found.isEmpty())).singleElement()
                .satisfies(mail -> assertThat(mail.path("body").asString()).startsWith("【回音】催办：诉求" + id));
        }
        assertThat(NotificationsKit.mail(DUTY_MAIL, "12月25日待办汇总")).isEmpty();
    }

    @Test
    void theCallbackCentreHearsOfTheDaysCallbacksDueWhenTheOfficeOpensOnce() {
        Instant evening = beijing("2026-12-15T20:00");
        clock.set(evening);
        String dueToday = NotificationsKit.newGrievanceId();
        String dueTomorrow = NotificationsKit.newGrievanceId();
        String dueTodayButClosed = NotificationsKit.newGrievanceId();
        resolved(dueToday, evening.minus(Duration.ofDays(2)), beijing("2026-12-16T17:30"));
        resolved(dueTomorrow, evening, beijing("2026-12-17T17:30"));
        resolved(dueTodayButClosed, evening.minus(Duration.ofDays(2)), beijing("2026-12-16T17:30"));
        kit.followUp("GrievanceClosed", "v1-resolved-and-satisfied.json", dueTodayButClosed,
            Map.of("closedAt", evening.toString()), evening);
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(dueToday, dueTomorrow, dueTodayButClosed).stream()
            .allMatch(id -> !messagesAbout(id).isEmpty()) && messagesAbout(dueTodayButClosed).stream()
            .anyMatch(m -> m.path("template").asString().equals("WORKER_CLOSED")));
        WorkerMessagesTest.sleep(Duration.ofSeconds(1));
        assertThat(NotificationsKit.mail(CALLBACK_DUTY, "今日回访：12月15日")).as("not in the evening").isEmpty();

        clock.set(beijing("2026-12-16T09:00"));
        List<JsonNode> lists = await().atMost(Duration.ofSeconds(30)).until(
            () -> NotificationsKit.mail(CALLBACK_DUTY, "今日回访：12月16日"), found -> !found.isEmpty());
        WorkerMessagesTest.sleep(Duration.ofSeconds(2));
        clock.set(beijing("2026-12-16T14:00"));
        WorkerMessagesTest.sleep(Duration.ofSeconds(2));
        lists = NotificationsKit.mail(CALLBACK_DUTY, "今日回访：12月16日");
        assertThat(lists).as("once a day").hasSize(1);
        String every = lists.get(0).path("body").asString();
        every = every.substring(every.indexOf("全部："));
        assertThat(every).contains(dueToday).doesNotContain(dueTomorrow).doesNotContain(dueTodayButClosed);
    }

    private void resolved(String id, Instant resolvedAt, Instant callbackDueAt) {
        kit.submitted(id, resolvedAt.minus(Duration.ofDays(5)), false);
        kit.followUp("GrievanceResolved", "v1-claim-paid.json", id, Map.of("resolvedAt", resolvedAt.toString(),
            "callbackDueAt", callbackDueAt.toString()), resolvedAt);
    }

    private void reminderTo(String organisationId, String name, String grievanceId, Instant issuedAt) {
        reminderTo(kit, organisationId, name, grievanceId, issuedAt);
    }

    /** A supervision reminder from follow-up about {@code grievanceId} to one organisation. */
    static void reminderTo(NotificationsKit kit, String organisationId, String name, String grievanceId,
                           Instant issuedAt) {
        ObjectNode data = NotificationsKit.example("follow-up/ReminderIssued/examples/v1-resolution-at-75-percent.json");
        data.put("grievanceId", grievanceId).put("stepId", grievanceId + "/RESOLUTION-1/REMINDER_75")
            .put("issuedAt", issuedAt.toString());
        data.putArray("recipients").addObject().put("organisationId", organisationId).put("name", name)
            .put("type", "MEMBER_DEPARTMENT").put("role", "HANDLER");
        kit.publish(NotificationsKit.FOLLOW_UP, "/huiyin/follow-up", "cn.huiyin.followup.ReminderIssued.v1",
            grievanceId, data, issuedAt);
    }

    private List<JsonNode> reminders(String id) {
        return messagesAbout(id).stream().filter(m -> m.path("template").asString().equals("STAFF_REMINDER")).toList();
    }

    private List<JsonNode> messagesAbout(String id) {
        JsonNode found = kit.as(StaffMessagesTest.SUPERVISOR).get("/api/notifications/cases/" + id).json();
        return found.isArray() ? found.valueStream().toList() : List.of();
    }
}
