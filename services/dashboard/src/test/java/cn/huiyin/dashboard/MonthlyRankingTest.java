package cn.huiyin.dashboard;

import static cn.huiyin.dashboard.DashboardKit.beijing;
import static cn.huiyin.dashboard.DashboardKit.numerator;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The monthly ranking (月度排名) weighs response 30 %, resolution 35 %, satisfaction 35 %; once the month has ended it
 * is frozen, a late event does not move it, and only a recorded correction (核减, with who and why) changes it.
 */
@ServiceTest
class MonthlyRankingTest extends DashboardScenario {

    private static final TestUser VIEWER = TestUser.of("dashboard-viewer", "org-lz-city", "620100");
    private static final TestUser SUPERVISOR = TestUser.of("supervisor", "org-lz-city", "620100");
    private static final String ALPHA = "org-lz-freight";
    private static final String BETA = "org-lz-express";
    private static final String NOVEMBER = "/api/dashboard/rankings/2026-11";

    @Test
    void aMonthIsRankedFrozenWhenItEndsAndChangedOnlyByARecordedCorrection() {
        clock.set(beijing(2026, 11, 20, 10, 0));
        kit.organisation(ALPHA, "兰州市货运行业党委", "INDUSTRY_COMMITTEE", null, "620100", 1);
        kit.organisation(BETA, "兰州市快递行业党委", "INDUSTRY_COMMITTEE", null, "620100", 1);
        for (int i = 0; i < 3; i++) {
            kit.live(beijing(2026, 11, 3 + i, 10, 0), life(ALPHA, "YES", "SATISFIED", "RESOLVED_AND_SATISFIED"));
        }
        String invalid = kit.live(beijing(2026, 11, 6, 10, 0), life(BETA, "NO", "DISSATISFIED", "UNRESOLVED_WITH_EXPLANATION"));
        kit.live(beijing(2026, 11, 7, 10, 0), life(BETA, "YES", "SATISFIED", "RESOLVED_AND_SATISFIED"));

        JsonNode running = kit.awaitJson(VIEWER, NOVEMBER, r -> counted(r, ALPHA) == 3 && counted(r, BETA) == 2);
        assertThat(running.get("frozen").asBoolean()).isFalse();
        assertThat(running.get("weights").get("response").asDouble()).isEqualTo(0.30);
        assertThat(row(running, 0)).isEqualTo(ALPHA + " #1 100.0");
        assertThat(row(running, 1)).as("0.30 x 100 + 0.35 x 50 + 0.35 x 50").isEqualTo(BETA + " #2 65.0");

        clock.set(beijing(2026, 12, 1, 0, 5));
        JsonNode frozen = kit.as(VIEWER).get(NOVEMBER).json();
        assertThat(frozen.get("frozen").asBoolean()).isTrue();
        assertThat(Instant.parse(frozen.get("frozenAt").asString()))
            .isBetween(beijing(2026, 12, 1, 0, 5), beijing(2026, 12, 1, 0, 6));
        assertThat(row(frozen, 1)).isEqualTo(BETA + " #2 65.0");

        kit.live(beijing(2026, 11, 30, 16, 0), life(BETA, "YES", "SATISFIED", "RESOLVED_AND_SATISFIED"));
        kit.awaitJson(VIEWER, "/api/dashboard/figures?period=2026-11&division=620100",
            t -> numerator(t.get("total"), "closureRate") == 6);
        JsonNode afterLateEvent = kit.as(VIEWER).get(NOVEMBER).json();
        assertThat(afterLateEvent.get("rows")).isEqualTo(frozen.get("rows"));

        HttpJson.Response corrected = kit.as(SUPERVISOR).post(NOVEMBER + "/corrections",
            "{\"grievanceId\":\"" + invalid + "\",\"reason\":\"申诉核实：系重复投诉，核减\"}");
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.json().get("by").asString()).isEqualTo(SUPERVISOR.username());
        JsonNode after = kit.as(VIEWER).get(NOVEMBER).json();
        assertThat(java.util.List.of(row(after, 0), row(after, 1))).as("the corrected case no longer counts against "
            + "the unit: both share the first rank").containsExactlyInAnyOrder(ALPHA + " #1 100.0", BETA + " #1 100.0");
        assertThat(after.get("asFrozen")).isEqualTo(frozen.get("rows"));
        assertThat(after.get("corrections").get(0).get("reason").asString()).isEqualTo("申诉核实：系重复投诉，核减");
        assertThat(after.get("corrections").get(0).get("grievanceId").asString()).isEqualTo(invalid);

        assertThat(kit.as(SUPERVISOR).post(NOVEMBER + "/corrections",
            "{\"grievanceId\":\"" + invalid + "\",\"reason\":\"again\"}").status()).isEqualTo(409);
        HttpJson.Response blank = kit.as(SUPERVISOR).post(NOVEMBER + "/corrections", "{\"grievanceId\":\"\",\"reason\":\"\"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").valueStream().map(e -> e.get("field").asString()))
            .contains("grievanceId", "reason");
    }

    /** How many of the unit's cases the ranking holds with every answer in: rated, answered and responded. */
    private static long counted(JsonNode ranking, String unit) {
        return ranking.get("rows").valueStream().filter(r -> r.get("organisationId").asString().equals(unit))
            .map(r -> r.get("counters")).mapToLong(c -> Math.min(c.get("rated").asLong(),
                Math.min(c.get("ans").asLong(), c.get("rspDue").asLong()))).findFirst().orElse(0);
    }

    private static DashboardKit.Life life(String unit, String solved, String satisfaction, String outcome) {
        return new DashboardKit.Life("HOTLINE_12328", "620102001", "WAGES", unit, solved, satisfaction, outcome);
    }

    private static String row(JsonNode ranking, int index) {
        JsonNode row = ranking.get("rows").get(index);
        return row.get("organisationId").asString() + " #" + row.get("rank").asInt() + " " + row.get("score").asDouble();
    }
}
