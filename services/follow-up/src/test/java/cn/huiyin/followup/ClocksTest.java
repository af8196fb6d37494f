package cn.huiyin.followup;

import static cn.huiyin.followup.FollowUpKit.CALENDAR;
import static cn.huiyin.followup.FollowUpKit.CITY_HANDLER;
import static cn.huiyin.followup.FollowUpKit.COMMITTEE_HANDLER;
import static cn.huiyin.followup.FollowUpKit.DISTRICT_HANDLER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.FollowUpKit.Filed;
import cn.huiyin.followup.FollowUpKit.Lead;
import cn.huiyin.followup.FollowUpTopic.Event;
import cn.huiyin.platform.calendar.BusinessHours;
import cn.huiyin.platform.test.HttpJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The resolution clock on the platform calendar: it stands still while the case waits for the worker's material and
 * runs again when the worker answers; an extension approved by the organisation above moves the deadline, a refused
 * one does not, and one asked for too late is refused; a moved deadline re-plans the ladder without repeating a step.
 */
class ClocksTest extends FollowUpScenario {

    @ParameterizedTest
    @MethodSource("cn.huiyin.platform.test.TestInstants#critical")
    void aMaterialRequestPausesTheResolutionClockAndTheWorkersSupplementResumesIt(Instant filedAt) {
        Filed claim = contacted(filedAt);
        clock.set(filedAt.plus(Duration.ofHours(1)));
        assertThat(kit.as(COMMITTEE_HANDLER).post("/api/cases/" + claim.id() + "/material-requests",
            "{\"materials\": \"请补充医院诊断证明和事发当日的订单截图\"}").status()).isEqualTo(200);
        JsonNode requested = topic.await(claim.id(), "MaterialRequested");
        Instant pausedAt = Instant.parse(requested.get("requestedAt").asString());
        assertThat(requested.get("resolutionDueAt").asString()).isEqualTo(claim.resolutionDueAt().toString());
        assertThat(requested.get("stage").asString()).isEqualTo("WAITING_FOR_MATERIAL");

        Instant longPastTheOldDeadline = claim.resolutionDueAt().plus(Duration.ofDays(1));
        clock.set(longPastTheOldDeadline);
        List<Event> whileWaiting = topic.settle(claim.id(), Duration.ofSeconds(3));
        assertThat(whileWaiting).as("a clock that stands still is never overdue")
            .noneMatch(e -> e.type().equals("DeadlineBreached") || e.type().equals("ReminderIssued"));
        JsonNode waiting = kit.as(COMMITTEE_HANDLER).get("/api/cases/" + claim.id()).json();
        assertThat(waiting.get("status").asString()).isEqualTo("WAITING_FOR_WORKER");
        assertThat(resolutionClock(waiting).get("paused").asBoolean()).isTrue();
        assertThat(resolutionClock(waiting).get("overdue").asBoolean()).isFalse();

        Instant supplementedAt = kit.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        kit.supplement(claim, supplementedAt);
        JsonNode resumed = topic.await(claim.id(), "ProgressRecorded", p -> p.get("kind").asString().equals("MATERIAL_RECEIVED"));

        Duration waited = CALENDAR.workingTimeBetween(pausedAt, supplementedAt, BusinessHours.STANDARD).duration();
        Instant expectedDue = CALENDAR.plusWorkingHours(claim.resolutionDueAt(), waited, BusinessHours.STANDARD).instant();
        assertThat(Instant.parse(resumed.get("resolutionDueAt").asString())).as("moved by the working time spent waiting")
            .isEqualTo(expectedDue).isAfter(claim.resolutionDueAt());
        JsonNode running = kit.awaitStatus(claim.id(), COMMITTEE_HANDLER, "IN_PROGRESS");
        assertThat(resolutionClock(running).get("dueAt").asString()).isEqualTo(expectedDue.toString());
        assertThat(resolutionClock(running).get("overdue").asBoolean()).isFalse();
        assertThat(running.get("stages").valueStream().map(s -> s.get("stage").asString())).contains("WAITING_FOR_WORKER");
    }

    @ParameterizedTest
    @MethodSource("cn.huiyin.platform.test.TestInstants#critical")
    void anApprovedExtensionMovesTheDeadlineAndTheLadderGoesOnWithoutRepeatingAStep(Instant filedAt) {
        Filed claim = contacted(filedAt);
        Duration allowed = CALENDAR.workingTimeBetween(claim.submittedAt(), claim.resolutionDueAt(),
            BusinessHours.STANDARD).duration();
        Instant at75 = CALENDAR.plusWorkingHours(claim.submittedAt(), allowed.multipliedBy(3).dividedBy(4),
            BusinessHours.STANDARD).instant();
        clock.set(at75.plus(Duration.ofMinutes(1)));
        topic.await(claim.id(), "ReminderIssued", r -> r.get("step").asString().equals("REMINDER_75"));

        HttpJson.Response requested = kit.as(COMMITTEE_HANDLER).post("/api/cases/" + claim.id() + "/extensions",
            "{\"reason\": \"保险公司总部复核需5个工作日\", \"workingDays\": 3}");
        assertThat(requested.status()).isEqualTo(200);
        JsonNode request = topic.await(claim.id(), "ExtensionRequested");
        Instant asked = CALENDAR.plusWorkingDays(claim.resolutionDueAt(), 3, BusinessHours.STANDARD).instant();
        assertThat(request.get("requestedDueAt").asString()).isEqualTo(asked.toString());
        assertThat(request.at("/decidingOrganisation/id").asString()).isEqualTo("org-city-swb");
        String extension = request.get("extensionId").asString();

        HttpJson.Response notAbove = kit.as(DISTRICT_HANDLER).post("/api/cases/" + claim.id() + "/extensions/"
            + extension + "/decision", "{\"approved\": true}");
        assertThat(notAbove.status()).isEqualTo(403);
        assertThat(notAbove.json().get("code").asString()).isEqualTo("extension.not-above");

        HttpJson.Response approved = kit.as(CITY_HANDLER).post("/api/cases/" + claim.id() + "/extensions/"
            + extension + "/decision", "{\"approved\": true, \"note\": \"同意延期，请告知职工\"}");
        assertThat(approved.status()).isEqualTo(200);
        JsonNode decided = topic.await(claim.id(), "ExtensionDecided");
        assertThat(decided.get("approved").asBoolean()).isTrue();
        assertThat(decided.get("previousDueAt").asString()).isEqualTo(claim.resolutionDueAt().toString());
        assertThat(decided.get("resolutionDueAt").asString()).isEqualTo(asked.toString());
        assertThat(resolutionClock(approved.json()).get("dueAt").asString()).isEqualTo(asked.toString());

        clock.set(claim.resolutionDueAt().plus(Duration.ofMinutes(1)));
        List<Event> atTheOldDeadline = topic.settle(claim.id(), Duration.ofSeconds(3));
        assertThat(atTheOldDeadline).as("the old deadline is no deadline any more")
            .noneMatch(e -> e.type().equals("DeadlineBreached"));
        clock.set(asked.plus(Duration.ofMinutes(1)));
        topic.await(claim.id(), "DeadlineBreached");
        List<Event> events = topic.settle(claim.id(), Duration.ofSeconds(3));

        List<JsonNode> reminders = events.stream().filter(e -> e.type().equals("ReminderIssued")).map(Event::data)
            .toList();
        assertThat(reminders).as("the 75 %% reminder is not repeated for the moved deadline")
            .extracting(r -> r.get("step").asString()).containsExactly("REMINDER_75", "REMINDER_AT_LIMIT");
        assertThat(Instant.parse(reminders.get(0).get("dueAt").asString()))
            .isBetween(at75.minusSeconds(2), at75.plusSeconds(2));
        assertThat(reminders.get(1).get("dueAt").asString()).isEqualTo(asked.toString());
        assertThat(events.stream().filter(e -> e.type().equals("SupervisionEscalated"))).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("cn.huiyin.platform.test.TestInstants#critical")
    void aRefusedExtensionLeavesTheDeadlineAndOneAskedTooLateIsRefused(Instant filedAt) {
        Filed claim = contacted(filedAt);
        kit.as(COMMITTEE_HANDLER).post("/api/cases/" + claim.id() + "/extensions",
            "{\"reason\": \"等待保险公司复核\", \"workingDays\": 2}");
        String extension = topic.await(claim.id(), "ExtensionRequested").get("extensionId").asString();

        HttpJson.Response refused = kit.as(CITY_HANDLER).post("/api/cases/" + claim.id() + "/extensions/"
            + extension + "/decision", "{\"approved\": false, \"note\": \"现有期限足以办结\"}");

        assertThat(refused.status()).isEqualTo(200);
        JsonNode decided = topic.await(claim.id(), "ExtensionDecided");
        assertThat(decided.get("approved").asBoolean()).isFalse();
        assertThat(decided.get("resolutionDueAt").asString()).isEqualTo(claim.resolutionDueAt().toString());
        assertThat(resolutionClock(refused.json()).get("dueAt").asString()).isEqualTo(claim.resolutionDueAt().toString());

        clock.set(claim.resolutionDueAt().plus(Duration.ofMinutes(1)));
        HttpJson.Response tooLate = kit.as(COMMITTEE_HANDLER).post("/api/cases/" + claim.id() + "/extensions",
            "{\"reason\": \"还需时间\", \"workingDays\": 2}");
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooLate.json().get("code").asString()).isEqualTo("extension.after-deadline");
        assertThat(tooLate.json().get("detail").asString()).contains("延期须在期限届满前申请");
    }

    /** A claim the committee signed for and whose worker it contacted, ten minutes after filing. */
    private Filed contacted(Instant filedAt) {
        clock.set(filedAt);
        Filed claim = kit.file(Lead.COMMITTEE);
        kit.signFor(claim, Lead.COMMITTEE, filedAt.plus(Duration.ofMinutes(5)));
        kit.awaitStatus(claim.id(), COMMITTEE_HANDLER, "SIGNED_FOR");
        clock.set(filedAt.plus(Duration.ofMinutes(10)));
        assertThat(kit.as(COMMITTEE_HANDLER).post("/api/cases/" + claim.id() + "/first-contact",
            "{\"channel\": \"PHONE\"}").status()).isEqualTo(200);
        return claim;
    }

    private static JsonNode resolutionClock(JsonNode file) {
        return file.get("clocks").valueStream().filter(c -> c.get("id").asString().equals("RESOLUTION-1")).findFirst()
            .orElseThrow();
    }
}
