package cn.huiyin.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import cn.huiyin.platform.calendar.ChinaCalendar;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Staff get the supervision ladder's reminders in their organisation's inbox and by e-mail to its duty contacts, in
 * working time: a reminder issued at 23:30 before a holiday reaches the handler at the start of the next working day,
 * unless the grievance is urgent.
 */
class StaffMessagesTest extends NotificationsScenario {

    static final TestUser COMMITTEE_HANDLER = TestUser.of("org-handler", "org-committee-online-delivery", TestUser.CITY);
    static final TestUser HRSS_LIAISON = TestUser.of("department-liaison", "org-dept-hrss", TestUser.CITY);
    static final String COMMITTEE_DUTY = "duty@committee.example.cn";
    static final TestUser SUPERVISOR = TestUser.of("supervisor", "org-city-swb", TestUser.CITY);

    static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ChinaCalendar.ZONE).toInstant();
    }

    @ParameterizedTest(name = "a reminder at {0} reaches the handler at {1}")
    @CsvSource({
        "2026-04-03T23:30, 2026-04-07T09:00", // Friday before Qingming (Sat 04-04 .. Mon 04-06)
        "2026-09-30T23:30, 2026-10-08T09:00"  // eve of National Day (10-01 .. 10-07)
    })
    void aReminderAtNightBeforeAHolidayWaitsForTheNextWorkingDay(String issued, String expected) {
        String id = NotificationsKit.newGrievanceId();
        Instant issuedAt = beijing(issued);
        clock.set(issuedAt);
        intake.worker(id, "13100131" + id.substring(id.length() - 3));
        kit.submitted(id, issuedAt.minus(Duration.ofHours(10)), false);
        reminder(id, issuedAt);

        WorkerMessagesTest.sleep(Duration.ofSeconds(3));
        assertThat(inboxOf(COMMITTEE_HANDLER, id)).as("not at night").isEmpty();
        assertThat(NotificationsKit.mail(COMMITTEE_DUTY, id)).isEmpty();

        List<JsonNode> queued = await().atMost(Duration.ofSeconds(30)).until(() -> kit.as(SUPERVISOR)
            .get("/api/notifications/cases/" + id), r -> r.status() == 200 && r.json().valueStream()
            .filter(m -> m.path("channel").asString().equals("INBOX")).count() == 3).json().valueStream()
            .filter(m -> m.path("channel").asString().equals("INBOX")).toList();
        assertThat(queued)
            .as("one inbox message per recipient organisation").hasSize(3)
            .allSatisfy(m -> {
                assertThat(m.path("status").asString()).isEqualTo("QUEUED");
                assertThat(Instant.parse(m.path("nextAttemptAt").asString())).isEqualTo(beijing(expected));
            });

        clock.set(beijing(expected).minusSeconds(5));
        WorkerMessagesTest.sleep(Duration.ofSeconds(2));
        assertThat(inboxOf(COMMITTEE_HANDLER, id)).as("not before the office opens").isEmpty();

        clock.set(beijing(expected));
        List<JsonNode> inbox = await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(COMMITTEE_HANDLER, id),
            items -> !items.isEmpty());
        assertThat(inbox).singleElement().satisfies(item -> {
            assertThat(item.path("textZh").asString()).startsWith("【回音】催办：诉求" + id + "的办结时限将于")
                .contains("请市网约配送行业党委抓紧办理");
            assertThat(Instant.parse(item.path("deliveredAt").asString())).isAfterOrEqualTo(beijing(expected));
        });
        List<JsonNode> mail = await().atMost(Duration.ofSeconds(30)).until(() -> NotificationsKit.mail(COMMITTEE_DUTY, id),
            lines -> !lines.isEmpty());
        assertThat(mail).hasSize(1);
        assertThat(Instant.parse(mail.get(0).path("at").asString())).isBetween(beijing(expected),
            beijing(expected).plusSeconds(30));
        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(HRSS_LIAISON, id), i -> !i.isEmpty()))
            .as("the co-handler's own inbox has its own copy").hasSize(1);
    }

    @Test
    void anUrgentGrievancesReminderGoesAtOnceEvenAtNight() {
        String id = NotificationsKit.newGrievanceId();
        Instant night = beijing("2026-09-30T23:30");
        clock.set(night);
        ObjectNode assigned = NotificationsKit.example(
            "triage/GrievanceAssigned/examples/v1-rider-claim-to-online-delivery-committee.json");
        assigned.put("grievanceId", id).put("urgency", "URGENT");
        kit.publish(NotificationsKit.TRIAGE, "/huiyin/triage", "cn.huiyin.triage.GrievanceAssigned.v1", id, assigned,
            night);
        WorkerMessagesTest.sleep(Duration.ofSeconds(2));
        reminder(id, night.plusSeconds(10));

        List<JsonNode> mail = await().atMost(Duration.ofSeconds(30)).until(() -> NotificationsKit.mail(COMMITTEE_DUTY, id),
            lines -> !lines.isEmpty());
        assertThat(Instant.parse(mail.get(0).path("at").asString())).isBefore(night.plus(Duration.ofMinutes(5)));
    }

    @Test
    void anInboxShowsOnlyTheCallersOwnOrganisation() {
        String id = NotificationsKit.newGrievanceId();
        reminder(id, clock.instant());
        await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(COMMITTEE_HANDLER, id), items -> !items.isEmpty());
        TestUser stranger = TestUser.of("org-handler", "org-street-damian", TestUser.LONGQUANYI);
        assertThat(inboxOf(stranger, id)).isEmpty();
        TestUser nobody = TestUser.of("org-handler", "", TestUser.CITY);
        assertThat(kit.as(nobody).get("/api/notifications/inbox").json().path("items").size()).isZero();
        assertThat(HttpJson.at(port).get("/api/notifications/inbox").status()).isEqualTo(401);
    }

    @Test
    void anActionItemAssignedReachesTheLeadAndTheCoOrganisers() {
        ObjectNode item = NotificationsKit.example(
            "joint-meeting/ActionItemAssigned/examples/v1-urban-management-adds-parking.json");
        String itemId = "AI-JM-" + NotificationsKit.newGrievanceId();
        item.put("actionItemId", itemId).put("assignedAt", clock.instant().toString());
        kit.publish(NotificationsKit.MEETINGS, "/huiyin/joint-meeting", "cn.huiyin.jointmeeting.ActionItemAssigned.v1",
            itemId, item, clock.instant());
        TestUser urban = TestUser.of("org-handler", item.at("/leadOrganisation/id").asString(), TestUser.CITY);
        List<JsonNode> inbox = await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(urban, itemId),
            items -> !items.isEmpty());
        assertThat(inbox.get(0).path("textZh").asString()).contains(item.path("task").asString());
        TestUser co = TestUser.of("org-handler", item.at("/coOrganisers/0/id").asString(), TestUser.LONGQUANYI);
        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(co, itemId), items -> !items.isEmpty()))
            .hasSize(1);
    }

    @Test
    void anEscalationReachesBothRecipientsAndABreachTheOrganisationThatMissedIt() {
        String id = NotificationsKit.newGrievanceId();
        kit.followUp("SupervisionEscalated", "v1-supervisor-instructs.json", id, Map.of(
            "supervisionId", id + "/SUPERVISION-1", "escalatedAt", clock.instant().toString()), clock.instant());
        kit.followUp("DeadlineBreached", "v1-street-did-not-respond.json", id, Map.of(
            "stepId", id + "/RESPONSE/YELLOW_CARD", "detectedAt", clock.instant().toString()), clock.instant());

        TestUser swb = TestUser.of("supervisor", "org-city-swb", TestUser.CITY);
        List<JsonNode> escalated = await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(swb, id),
            items -> !items.isEmpty());
        assertThat(escalated).singleElement().satisfies(item -> assertThat(item.path("textZh").asString())
            .isEqualTo("【回音】督办：诉求" + id + "已提请成都市委社会工作部（两新工委）督办，请市网约配送行业党委于11月24日17:30前书面回复。"));
        TestUser street = TestUser.of("org-handler", "org-street-damian", TestUser.LONGQUANYI);
        List<JsonNode> breached = await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(street, id),
            items -> !items.isEmpty());
        assertThat(breached).singleElement().satisfies(item -> assertThat(item.path("textZh").asString())
            .startsWith("【回音】超期：诉求" + id + "的响应时限已于12月1日14:50到期未办，请大面街道党工委立即办理"));
        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> inboxOf(COMMITTEE_HANDLER, id),
            items -> items.size() == 1)).as("the committee: the escalation only").hasSize(1);
    }

    private void reminder(String grievanceId, Instant issuedAt) {
        kit.followUp("ReminderIssued", "v1-resolution-at-75-percent.json", grievanceId, Map.of(
            "stepId", grievanceId + "/RESOLUTION-1/REMINDER_75", "issuedAt", issuedAt.toString()), issuedAt);
    }

    private List<JsonNode> inboxOf(TestUser user, String subject) {
        JsonNode inbox = kit.as(user).get("/api/notifications/inbox?size=100").json();
        return inbox.path("items").valueStream().filter(i -> i.path("subject").asString().equals(subject)).toList();
    }
}
