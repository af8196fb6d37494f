package cn.huiyin.followup;

import static cn.huiyin.followup.FollowUpKit.COMMITTEE_HANDLER;
import static cn.huiyin.followup.FollowUpKit.HRSS_LIAISON;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.FollowUpKit.Filed;
import cn.huiyin.followup.FollowUpKit.Lead;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The handler's worklist: my organisation's cases, overdue first, each with the time left in working hours. */
class WorklistsTest extends FollowUpScenario {

    @ParameterizedTest
    @MethodSource("cn.huiyin.platform.test.TestInstants#critical")
    void myCasesComeOverdueFirstWithTheWorkingHoursLeft(Instant now) {
        clock.set(now.minus(Duration.ofDays(7)));
        Filed lastWeek = kit.file(Lead.COMMITTEE);
        clock.set(now);
        Filed today = kit.file(Lead.COMMITTEE);
        kit.awaitStatus(lastWeek.id(), COMMITTEE_HANDLER, "ASSIGNED");
        kit.awaitStatus(today.id(), COMMITTEE_HANDLER, "ASSIGNED");

        List<JsonNode> mine = items(COMMITTEE_HANDLER);
        List<String> ids = mine.stream().map(r -> r.get("grievanceId").asString()).toList();
        JsonNode overdue = row(mine, lastWeek.id());
        JsonNode fresh = row(mine, today.id());

        assertThat(ids.indexOf(lastWeek.id())).isLessThan(ids.indexOf(today.id()));
        assertThat(overdue.at("/deadline/overdue").asBoolean()).isTrue();
        assertThat(overdue.at("/deadline/workingHoursLeft").decimalValue()).isNegative();
        assertThat(fresh.at("/deadline/overdue").asBoolean()).isFalse();
        assertThat(fresh.at("/deadline/workingHoursLeft").decimalValue()).as("4 office hours to respond, minus seconds")
            .isBetween(new java.math.BigDecimal("3.95"), new java.math.BigDecimal("4.00"));
        assertThat(fresh.at("/deadline/dueAt").asString()).isEqualTo(today.responseDueAt().toString());
        assertThat(items(HRSS_LIAISON).stream().map(r -> r.get("grievanceId").asString())).as("co-handled")
            .contains(lastWeek.id(), today.id());
        assertThat(items(new TestUser("nobody", List.of("org-handler"), "org-committee-online-delivery", "")))
            .as("a missing jurisdiction covers nothing").isEmpty();
    }

    private List<JsonNode> items(TestUser user) {
        return kit.as(user).get("/api/cases/mine?size=100").json().get("items").valueStream().toList();
    }

    private static JsonNode row(List<JsonNode> rows, String id) {
        return rows.stream().filter(r -> r.get("grievanceId").asString().equals(id)).findFirst().orElseThrow();
    }
}
