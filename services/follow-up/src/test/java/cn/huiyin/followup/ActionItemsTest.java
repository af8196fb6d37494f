package cn.huiyin.followup;

import static cn.huiyin.followup.FollowUpKit.CALENDAR;
import static cn.huiyin.followup.FollowUpKit.STREET_HANDLER;
import static cn.huiyin.followup.FollowUpKit.URBAN_LIAISON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.FollowUpKit.Filed;
import cn.huiyin.followup.FollowUpKit.Lead;
import cn.huiyin.platform.calendar.BusinessHours;
import cn.huiyin.platform.test.HttpJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A joint meeting's action items (联席会议交办任务) are tracked like cases: the lead department reports progress and
 * finishes them, the ladder chases them when overdue, and a grievance whose items are open cannot be resolved.
 */
class ActionItemsTest extends FollowUpScenario {

    @Test
    void aGrievanceWhoseActionItemIsOpenCannotBeResolvedUntilTheLeadDepartmentCompletesIt() {
        Filed parking = kit.file(Lead.STREET);
        kit.signFor(parking, Lead.STREET, parking.submittedAt().plus(Duration.ofMinutes(5)));
        kit.awaitStatus(parking.id(), STREET_HANDLER, "SIGNED_FOR");
        HttpJson street = kit.as(STREET_HANDLER);
        street.post("/api/cases/" + parking.id() + "/first-contact", "{\"channel\": \"IN_PERSON\"}");
        String item = kit.assignActionItem(List.of(parking.id()), kit.now(),
            CALENDAR.plusWorkingDays(kit.now(), 10, BusinessHours.STANDARD).instant());
        awaitItem(item);

        HttpJson.Response blocked = street.post("/api/cases/" + parking.id() + "/resolution",
            "{\"kind\": \"RESOLVED\", \"remedy\": {\"parkingSpacesAdded\": 200, \"workersCovered\": 1200}}");
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.json().get("code").asString()).isEqualTo("resolution.action-items-open");
        assertThat(blocked.json().get("detail").asString()).contains(item);

        assertThat(street.post("/api/action-items/" + item + "/progress",
            "{\"note\": \"街道已协调商场物业腾出北门外场地\", \"evidenceCount\": 1}").status()).isEqualTo(200);
        JsonNode progress = topic.await(item, "ActionItemProgressRecorded");
        assertThat(progress.at("/organisation/id").asString()).isEqualTo("org-street-damian");
        HttpJson.Response notTheLead = street.post("/api/action-items/" + item + "/completion",
            "{\"outcome\": \"DONE\", \"result\": \"已完成\", \"evidenceCount\": 0}");
        assertThat(notTheLead.status()).isEqualTo(403);
        assertThat(notTheLead.json().get("code").asString()).isEqualTo("action-item.not-lead");

        HttpJson.Response done = kit.as(URBAN_LIAISON).post("/api/action-items/" + item + "/completion",
            "{\"outcome\": \"DONE\", \"result\": \"新增骑手专用停车位200个，设置引导标识6处\", \"evidenceCount\": 3}");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("status").asString()).isEqualTo("COMPLETED");
        JsonNode completed = topic.await(item, "ActionItemCompleted");
        assertThat(completed.get("outcome").asString()).isEqualTo("DONE");
        assertThat(completed.at("/organisation/id").asString()).isEqualTo("org-dept-urban");
        assertThat(completed.get("grievanceIds").valueStream().map(JsonNode::asString)).containsExactly(parking.id());

        HttpJson.Response resolved = street.post("/api/cases/" + parking.id() + "/resolution",
            "{\"kind\": \"RESOLVED\", \"remedy\": {\"parkingSpacesAdded\": 200, \"workersCovered\": 1200}}");
        assertThat(resolved.status()).isEqualTo(200);
        JsonNode remedy = topic.await(parking.id(), "GrievanceResolved").get("remedy");
        assertThat(remedy.get("parkingSpacesAdded").asInt()).isEqualTo(200);
        assertThat(remedy.get("workersCovered").asInt()).isEqualTo(1200);
    }

    @Test
    void anOverdueActionItemIsChasedAndEscalatedAboveItsLeadDepartment() {
        Instant due = CALENDAR.plusWorkingHours(kit.now(), Duration.ofHours(2), BusinessHours.STANDARD).instant();
        String item = kit.assignActionItem(List.of(), kit.now(), due);
        awaitItem(item);

        clock.set(due.plus(Duration.ofMinutes(1)));
        JsonNode escalation = topic.await(item, "SupervisionEscalated");
        List<FollowUpTopic.Event> events = topic.settle(item, Duration.ofSeconds(3));

        assertThat(escalation.get("actionItemId").asString()).isEqualTo(item);
        assertThat(escalation.has("grievanceId")).isFalse();
        assertThat(escalation.get("card").asString()).isEqualTo("YELLOW");
        assertThat(escalation.at("/escalatedTo/id").asString()).isEqualTo("org-city-swb");
        assertThat(events.stream().map(FollowUpTopic.Event::type)).containsExactly("ReminderIssued",
            "DeadlineBreached", "SupervisionEscalated");
        JsonNode mine = kit.as(URBAN_LIAISON).get("/api/action-items/mine?size=100").json();
        JsonNode row = mine.get("items").valueStream().filter(i -> i.get("actionItemId").asString().equals(item))
            .findFirst().orElseThrow();
        assertThat(row.get("overdue").asBoolean()).isTrue();
        assertThat(row.get("card").asString()).isEqualTo("YELLOW");
        assertThat(row.get("workingHoursLeft").decimalValue()).isNegative();
    }

    private void awaitItem(String item) {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100))
            .until(() -> kit.as(URBAN_LIAISON).get("/api/action-items/" + item).status() == 200);
    }
}
