package cn.huiyin.followup;

import static cn.huiyin.followup.FollowUpKit.CALENDAR;
import static cn.huiyin.followup.FollowUpKit.DISTRICT_SUPERVISOR;
import static cn.huiyin.followup.FollowUpKit.JINJIANG_SUPERVISOR;
import static cn.huiyin.followup.FollowUpKit.STREET_HANDLER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.FollowUpKit.Filed;
import cn.huiyin.followup.FollowUpKit.Lead;
import cn.huiyin.followup.FollowUpTopic.Event;
import cn.huiyin.platform.calendar.BusinessHours;
import cn.huiyin.platform.test.HttpJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The supervision ladder (督办阶梯) on a case the street leads (大面街道 → 龙泉驿区 → 成都市): a reminder at 75 % of a
 * limit and at the deadline, a yellow card escalated to the district at breach, a red card to the city at twice the
 * limit — each once per (case, limit, step), however often the scan runs and however the clock jumps.
 */
class SupervisionLadderTest extends FollowUpScenario {

    @ParameterizedTest
    @MethodSource("cn.huiyin.platform.test.TestInstants#critical")
    void withTheClockMovedPastTheDeadlineExactlyOneReminderAndOneEscalationAreIssued(Instant filedAt) {
        clock.set(filedAt);
        Filed grievance = kit.file(Lead.STREET);
        kit.awaitStatus(grievance.id(), STREET_HANDLER, "ASSIGNED");

        clock.set(grievance.responseDueAt().plus(Duration.ofMinutes(1)));
        JsonNode escalation = topic.await(grievance.id(), "SupervisionEscalated");
        List<Event> events = topic.settle(grievance.id(), Duration.ofSeconds(4));

        assertThat(ofType(events, "ReminderIssued")).singleElement().satisfies(reminder -> {
            assertThat(reminder.get("step").asString()).isEqualTo("REMINDER_AT_LIMIT");
            assertThat(reminder.at("/limit/id").asString()).isEqualTo("RESPONSE");
            assertThat(reminder.at("/recipients/0/organisationId").asString()).isEqualTo("org-street-damian");
        });
        assertThat(ofType(events, "DeadlineBreached")).singleElement()
            .satisfies(breach -> assertThat(breach.at("/limit/dueAt").asString())
                .isEqualTo(grievance.responseDueAt().toString()));
        assertThat(ofType(events, "SupervisionEscalated")).hasSize(1);
        assertThat(escalation.get("card").asString()).isEqualTo("YELLOW");
        assertThat(escalation.get("trigger").asString()).isEqualTo("DEADLINE_BREACHED");
        assertThat(escalation.at("/escalatedTo/id").asString()).isEqualTo("org-district-lqy");
        assertThat(escalation.get("recipients").valueStream().map(r -> r.get("role").asString() + " "
            + r.get("organisationId").asString())).contains("HANDLER org-street-damian", "ESCALATED_TO org-district-lqy");

        JsonNode file = kit.as(DISTRICT_SUPERVISOR).get("/api/cases/" + grievance.id()).json();
        assertThat(file.at("/supervision/steps").valueStream().map(s -> s.get("step").asString() + " "
            + s.get("superseded").asBoolean())).as("the 75 % reminder was overtaken, decided once and never sent")
            .containsExactly("REMINDER_75 true", "REMINDER_AT_LIMIT false", "YELLOW_CARD false");
        assertThat(file.at("/supervision/card").asString()).isEqualTo("YELLOW");
        assertThat(escalationsOf(DISTRICT_SUPERVISOR, "YELLOW")).contains(grievance.id());
        assertThat(escalationsOf(JINJIANG_SUPERVISOR, null)).as("another district's supervisor")
            .doesNotContain(grievance.id());
    }

    @Test
    void theLadderClimbsStepByStepAndNeverRepeatsAStep() {
        Filed grievance = kit.file(Lead.STREET);
        kit.awaitStatus(grievance.id(), STREET_HANDLER, "ASSIGNED");
        Instant at75 = CALENDAR.plusWorkingHours(grievance.submittedAt(), Duration.ofHours(3), BusinessHours.STANDARD)
            .instant();
        Instant twiceTheLimit = CALENDAR.plusWorkingHours(grievance.submittedAt(), Duration.ofHours(8),
            BusinessHours.STANDARD).instant();

        clock.set(at75.plus(Duration.ofMinutes(1)));
        topic.await(grievance.id(), "ReminderIssued", r -> r.get("step").asString().equals("REMINDER_75"));
        clock.set(grievance.responseDueAt().plus(Duration.ofMinutes(1)));
        topic.await(grievance.id(), "SupervisionEscalated", e -> e.get("card").asString().equals("YELLOW"));
        clock.set(twiceTheLimit.plus(Duration.ofMinutes(1)));
        JsonNode red = topic.await(grievance.id(), "SupervisionEscalated", e -> e.get("card").asString().equals("RED"));
        List<Event> events = topic.settle(grievance.id(), Duration.ofSeconds(4));

        assertThat(events.stream().filter(e -> e.data().path("limit").path("id").asString("").equals("RESPONSE"))
            .map(e -> e.type() + " " + e.data().path("step").asString(e.data().path("card").asString(""))))
            .containsExactly("ReminderIssued REMINDER_75", "ReminderIssued REMINDER_AT_LIMIT", "DeadlineBreached ",
                "SupervisionEscalated YELLOW", "SupervisionEscalated RED");
        assertThat(red.get("trigger").asString()).isEqualTo("TWICE_THE_LIMIT");
        assertThat(red.at("/escalatedTo/id").asString()).as("one level above the district").isEqualTo("org-city-swb");
        assertThat(red.get("recipients").valueStream().map(r -> r.path("organisationId").asString("")))
            .contains("org-street-damian", "org-district-lqy", "org-city-swb");
        assertThat(escalationsOf(DISTRICT_SUPERVISOR, "RED")).contains(grievance.id());
    }

    @Test
    void aSupervisorsOwnSupervisionHasAReplyDeadlineTheLadderWatches() {
        Filed grievance = kit.file(Lead.STREET);
        kit.signFor(grievance, Lead.STREET, grievance.submittedAt().plus(Duration.ofMinutes(5)));
        kit.awaitStatus(grievance.id(), STREET_HANDLER, "SIGNED_FOR");
        Instant replyDue = CALENDAR.plusWorkingDays(kit.now(), 1, BusinessHours.STANDARD).instant();

        HttpJson.Response supervised = kit.as(DISTRICT_SUPERVISOR).post("/api/cases/" + grievance.id() + "/supervisions",
            "{\"instructions\": \"请于明日下班前书面报告理赔进展\", \"replyDueAt\": \"" + replyDue + "\"}");
        HttpJson.Response elsewhere = kit.as(JINJIANG_SUPERVISOR).post("/api/cases/" + grievance.id() + "/supervisions",
            "{\"instructions\": \"请报告\", \"replyDueAt\": \"" + replyDue + "\"}");

        assertThat(supervised.status()).isEqualTo(200);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.json().get("code").asString()).isEqualTo("case.outside-reach");
        JsonNode manual = topic.await(grievance.id(), "SupervisionEscalated", e -> e.get("trigger").asString().equals("MANUAL"));
        assertThat(manual.get("instructions").asString()).contains("理赔进展");
        assertThat(manual.get("replyDueAt").asString()).isEqualTo(replyDue.toString());
        assertThat(manual.at("/escalatedTo/id").asString()).isEqualTo("org-district-lqy");

        clock.set(replyDue.plus(Duration.ofMinutes(1)));
        JsonNode unanswered = topic.await(grievance.id(), "SupervisionEscalated",
            e -> e.path("limit").path("id").asString("").equals("SUPERVISION-1") && e.get("card").asString().equals("YELLOW"));
        assertThat(unanswered.at("/escalatedTo/id").asString()).isEqualTo("org-district-lqy");
        HttpJson.Response replied = kit.as(STREET_HANDLER).post("/api/cases/" + grievance.id()
            + "/supervisions/SUPERVISION-1/reply", "{\"reply\": \"已与保险公司约定本周五前完成复核\"}");
        assertThat(replied.status()).isEqualTo(200);
        assertThat(replied.json().at("/supervision/manual/0/reply").asString()).contains("复核");
        assertThat(topic.await(grievance.id(), "ProgressRecorded", p -> p.get("kind").asString()
            .equals("SUPERVISION_REPLY")).get("note").asString()).contains("复核");
    }

    private List<String> escalationsOf(cn.huiyin.platform.test.TestUser supervisor, String card) {
        JsonNode page = kit.as(supervisor).get("/api/supervision/escalations?size=100"
            + (card == null ? "" : "&card=" + card)).json();
        return page.get("items").valueStream().map(i -> i.get("grievanceId").asString()).toList();
    }

    private static List<JsonNode> ofType(List<Event> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).map(Event::data).toList();
    }
}
