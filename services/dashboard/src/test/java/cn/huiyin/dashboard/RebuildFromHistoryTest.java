package cn.huiyin.dashboard;

import static cn.huiyin.dashboard.DashboardKit.beijing;
import static cn.huiyin.dashboard.DashboardKit.numerator;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The projection rebuilt from the topics' full history equals the live one, figure by figure and case by case; the
 * dashboard switches to it when it has caught up, and live events go on into it.
 */
@ServiceTest
class RebuildFromHistoryTest extends DashboardScenario {

    private static final TestUser GANSU = TestUser.of("dashboard-viewer", "org-gs-province", "620000");
    private static final TestUser ADMIN = TestUser.of("admin", "org-city-swb", "510100");
    private static final String UNIT = "org-tianshui-freight";

    @Test
    void theRebuiltProjectionEqualsTheLiveOneFigureByFigure() {
        kit.organisation("org-tianshui-city", "天水市委社会工作部", "CITY_WORK_DEPARTMENT", null, "620500", 1);
        kit.organisation(UNIT, "天水市货运行业党委", "INDUSTRY_COMMITTEE", "org-tianshui-city", "620500", 2);
        List<String> outcomes = List.of("RESOLVED_AND_SATISFIED", "RESOLVED_BUT_DISSATISFIED", "UNRESOLVED_WITH_EXPLANATION");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Instant at = beijing(2026, 11 + i % 2, 1 + i, 10, 0);
            String outcome = i == 8 ? null : outcomes.get(i % 3);
            ids.add(kit.live(at, new DashboardKit.Life(i % 2 == 0 ? "HOTLINE_12328" : "MINI_PROGRAM",
                "62050" + (2 + i % 2) + "001", i % 2 == 0 ? "PARKING_ACCESS" : "WAGES", UNIT,
                i % 3 == 2 ? "NO" : "YES", i % 3 == 0 ? "SATISFIED" : "DISSATISFIED", outcome)));
        }
        ObjectNode item = DashboardKit.example("joint-meeting/ActionItemAssigned/examples/v1-urban-management-adds-parking.json");
        item.putArray("grievanceIds").add(ids.get(0)).add(ids.get(2)).add(ids.get(4));
        kit.publish(DashboardKit.MEETINGS, "/huiyin/joint-meeting", "cn.huiyin.jointmeeting.ActionItemAssigned.v1",
            item.get("actionItemId").asString(), item.get("actionItemId").asString(), item);
        kit.awaitJson(GANSU, "/api/dashboard/figures?period=2026&division=620500", t -> {
            JsonNode total = t.get("total");
            return numerator(total, "received") == 9 && numerator(total, "resolved") == 9
                && numerator(total, "closedInPeriod") == 8 && numerator(total, "jointlyReviewed") == 3
                && total.get("figures").get("satisfactionRate").get("denominator").asLong() == 9;
        });

        Map<String, JsonNode> live = views();
        JsonNode started = kit.as(ADMIN).post("/api/dashboard/projection/rebuilds", "{}").json();
        String generation = started.get("generation").asString();
        JsonNode done = kit.awaitJson(ADMIN, "/api/dashboard/projection/rebuilds/latest",
            p -> !p.get("phase").asString().equals("REPLAYING") && !p.get("phase").asString().equals("HANDOFF"));

        assertThat(done.get("phase").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("liveGeneration").asString()).isEqualTo(generation);
        assertThat(done.get("read").asLong()).isEqualTo(done.get("total").asLong()).isPositive();
        assertThat(done.get("percent").asDouble()).isEqualTo(100.0);
        Map<String, JsonNode> rebuilt = views();
        live.forEach((view, figures) -> assertThat(rebuilt.get(view)).as(view).isEqualTo(figures));

        Instant after = beijing(2026, 12, 2, 9, 0);
        kit.submit(after, "MINI_PROGRAM", "620502001", "WAGES", "TRUCK_DRIVER");
        long before = numerator(live.get("/api/dashboard/figures?period=2026&division=620500").get("total"), "received");
        kit.awaitJson(GANSU, "/api/dashboard/figures?period=2026&division=620500",
            t -> numerator(t.get("total"), "received") == before + 1);
    }

    /** Every breakdown of the province's and the city's figures, and the cases behind a few, without the generation. */
    private Map<String, JsonNode> views() {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String scope : List.of("", "&division=620500", "&division=620502")) {
            for (String by : List.of("", "&by=organisation", "&by=organisation&rollup=true", "&by=worker-group",
                "&by=category", "&by=channel", "&by=enterprise", "&by=division", "&by=month")) {
                for (String period : List.of("2026-11", "2026-12", "2026")) {
                    String path = "/api/dashboard/figures?period=" + period + scope + by;
                    views.put(path, withoutGeneration(kit.as(GANSU).get(path).json()));
                }
            }
        }
        for (String metric : List.of("closureRate", "satisfactionRate", "resolutionRate", "jointlyReviewed")) {
            for (String part : List.of("numerator", "denominator")) {
                String path = "/api/dashboard/cases?metric=" + metric + "&part=" + part + "&period=2026&size=1000";
                views.put(path, kit.as(GANSU).get(path).json());
            }
        }
        return views;
    }

    private static JsonNode withoutGeneration(JsonNode table) {
        ((ObjectNode) table).remove("generation");
        return table;
    }
}
