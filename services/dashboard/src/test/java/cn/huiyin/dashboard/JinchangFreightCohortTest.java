package cn.huiyin.dashboard;

import static cn.huiyin.dashboard.DashboardKit.beijing;
import static cn.huiyin.dashboard.DashboardKit.figure;
import static cn.huiyin.dashboard.DashboardKit.numerator;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.huiyin.platform.messaging.cloudevents.CloudEvent;
import cn.huiyin.platform.test.HttpJson;
import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Jinchang's freight cohort (金昌): 31 truck drivers' complaints through 12328 and the mini-program, all handled, called
 * back and closed, show a closure rate and a satisfaction rate of 100 %; one more driver's dissatisfied callback moves
 * the satisfaction figures and, until the case is closed, the closure rate — each as its definition says, and neither
 * the resolution rate. Every figure lists the cases behind it, as many as it counts.
 */
@ServiceTest
class JinchangFreightCohortTest extends DashboardScenario {

    private static final TestUser CITY = TestUser.of("dashboard-viewer", "org-jc-city", "620300");
    private static final TestUser JINCHUAN = TestUser.of("dashboard-viewer", "org-jc-jinchuan", "620302");
    private static final TestUser YONGCHANG = TestUser.of("dashboard-viewer", "org-jc-yongchang", "620321");
    private static final String FREIGHT = "org-jc-freight";
    private static final String NOVEMBER = "/api/dashboard/figures?period=2026-11";

    @Test
    void theCohortClosesAtFullSatisfactionAndOneDissatisfiedCallbackMovesTheFiguresAsDefined() {
        kit.organisation("org-jc-city", "金昌市委社会工作部", "CITY_WORK_DEPARTMENT", null, "620300", 1);
        kit.organisation(FREIGHT, "金昌市货运物流行业党委", "INDUSTRY_COMMITTEE", "org-jc-city", "620300", 1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            Instant at = beijing(2026, 11, 2 + i % 20, 9 + i % 7, 15);
            String channel = i % 2 == 0 ? "HOTLINE_12328" : "MINI_PROGRAM";
            String division = i < 20 ? "620302001" : "620321100";
            ids.add(kit.live(at, new DashboardKit.Life(channel, division, i % 3 == 0 ? "WAGES" : "PARKING_ACCESS",
                FREIGHT, "YES", "SATISFIED", "RESOLVED_AND_SATISFIED")));
        }

        JsonNode drivers = truckDrivers(t -> numerator(t, "closureRate") == 31);
        assertThat(numerator(drivers, "received")).isEqualTo(31);
        assertThat(figure(drivers, "closureRate")).isEqualTo(100.0);
        assertThat(figure(drivers, "satisfactionRate")).isEqualTo(100.0);
        assertThat(figure(drivers, "resolutionRate")).isEqualTo(100.0);
        assertThat(figure(drivers, "responseRate")).isEqualTo(100.0);
        assertThat(figure(drivers, "satisfactionScore")).isEqualTo(100.0);
        JsonNode byChannel = kit.as(CITY).get(NOVEMBER + "&by=channel").json();
        assertThat(DashboardKit.rows(byChannel)).extracting(r -> r.get("key").asString() + "=" + numerator(r, "received"))
            .containsExactlyInAnyOrder("HOTLINE_12328=16", "MINI_PROGRAM=15");
        everyFigureListsItsCases(drivers);

        Instant at = beijing(2026, 11, 26, 10, 0);
        String id = kit.submit(at, "HOTLINE_12328", "620302001", "PARKING_ACCESS", "TRUCK_DRIVER");
        kit.triage(id, at.plusSeconds(1), "PARKING_ACCESS", "620302001", FREIGHT);
        kit.handle(id, at, FREIGHT, "YES", "DISSATISFIED");
        JsonNode calledBack = truckDrivers(t -> t.get("figures").get("satisfactionRate").get("denominator").asLong() == 32);
        assertThat(figure(calledBack, "closureRate")).as("31 of 32 closed").isEqualTo(96.88);
        assertThat(figure(calledBack, "satisfactionRate")).as("31 of 32 rated satisfied").isEqualTo(96.88);
        assertThat(figure(calledBack, "satisfactionScore")).as("(31 x 1.0 + 0) / 32").isEqualTo(96.88);
        assertThat(figure(calledBack, "resolutionRate")).as("all 32 said solved").isEqualTo(100.0);
        assertThat(numerator(calledBack, "dissatisfied")).isEqualTo(1);

        kit.close(id, at, FREIGHT, "RESOLVED_BUT_DISSATISFIED", "YES", "DISSATISFIED");
        JsonNode closed = truckDrivers(t -> numerator(t, "closureRate") == 32);
        assertThat(figure(closed, "closureRate")).isEqualTo(100.0);
        assertThat(figure(closed, "satisfactionRate")).isEqualTo(96.88);
        assertThat(numerator(closed, "closedResolvedSatisfied")).isEqualTo(31);
        assertThat(numerator(closed, "closedResolvedDissatisfied")).isEqualTo(1);
        assertThat(numerator(closed, "closedUnresolved")).isZero();
        everyFigureListsItsCases(closed);
        leadersSeeTheirJurisdictionAndTheCityRollsUp();
        theStreetsWhereComplaintsGatherAreHotspots();
        theLedgerHasARowPerGrievance();
    }

    /** The ledger (台账) of November: a header and one row per grievance of the city's cohort, nothing personal. */
    private void theLedgerHasARowPerGrievance() {
        HttpJson.Response ledger = kit.as(CITY).get("/api/dashboard/ledger/cases.csv?period=2026-11", "Accept", "text/csv");
        assertThat(ledger.status()).isEqualTo(200);
        List<String> lines = ledger.body().lines().toList();
        assertThat(lines).hasSize(1 + 32);
        assertThat(lines.get(0)).contains("grievanceId", "satisfaction", "outcome");
        assertThat(lines.stream().filter(l -> l.contains("RESOLVED_BUT_DISSATISFIED"))).hasSize(1);
        assertThat(ledger.body()).doesNotContain("wk-");
        assertThat(kit.as(JINCHUAN).get("/api/dashboard/ledger/cases.csv?period=2026-11", "Accept", "text/csv").body().lines()).hasSize(1 + 21);
    }

    /** Category x street: the parking complaints of 金川区's street 620302001 lead the month's table. */
    private void theStreetsWhereComplaintsGatherAreHotspots() {
        JsonNode hotspots = kit.as(CITY).get("/api/dashboard/hotspots?month=2026-11").json();
        JsonNode top = hotspots.get("categoryByStreet").get(0).get("row");
        assertThat(top.get("category").asString() + "@" + top.get("place").asString())
            .isEqualTo("PARKING_ACCESS@620302001");
        long parkingInJinchuan = 1 + java.util.stream.IntStream.range(0, 20).filter(i -> i % 3 != 0).count();
        assertThat(hotspots.toString()).contains("\"count\":" + parkingInJinchuan);
    }

    /** A district leader sees their district only; the city sees both, and its units rolled up. */
    private void leadersSeeTheirJurisdictionAndTheCityRollsUp() {
        JsonNode city = kit.as(CITY).get(NOVEMBER).json();
        JsonNode jinchuan = kit.as(JINCHUAN).get(NOVEMBER).json();
        JsonNode yongchang = kit.as(YONGCHANG).get(NOVEMBER).json();
        assertThat(jinchuan.get("scope").asString()).isEqualTo("620302");
        assertThat(numerator(jinchuan.get("total"), "received") + numerator(yongchang.get("total"), "received"))
            .isEqualTo(numerator(city.get("total"), "received"));
        assertThat(numerator(yongchang.get("total"), "received")).isEqualTo(11);

        assertThat(kit.as(JINCHUAN).get(NOVEMBER + "&division=620321").status()).isEqualTo(403);
        assertThat(kit.as(YONGCHANG).get("/api/dashboard/cases?metric=received&period=2026-11&division=620302")
            .status()).isEqualTo(403);

        JsonNode units = kit.awaitJson(CITY, NOVEMBER + "&by=organisation&rollup=true",
            t -> DashboardKit.rows(t).stream().anyMatch(r -> r.get("key").asString().equals("org-jc-city")));
        JsonNode parent = row(units, "org-jc-city");
        JsonNode child = row(units, FREIGHT);
        assertThat(child.get("parent").asString()).isEqualTo("org-jc-city");
        assertThat(numerator(parent, "received")).isEqualTo(numerator(child, "received"));
        assertThat(parent.get("label").asString()).isEqualTo("金昌市委社会工作部");
        assertThat(city.toString()).doesNotContain("wk-", "workerRef");
    }

    @Test
    void anEventDeliveredTwiceCountsOnce() {
        TestUser baiyin = TestUser.of("dashboard-viewer", "org-by-city", "620400");
        Instant at = beijing(2026, 11, 27, 9, 0);
        String id = DashboardKit.newGrievanceId(at);
        tools.jackson.databind.node.ObjectNode submitted =
            DashboardKit.example("intake/GrievanceSubmitted/examples/v1-truck-driver-12328-minimal.json");
        submitted.put("grievanceId", id).put("trackingNumber", id).put("submittedAt", at.toString());
        ((tools.jackson.databind.node.ObjectNode) submitted.get("location")).put("divisionCode", "620402001");
        CloudEvent event = kit.publish(DashboardKit.INTAKE, "/huiyin/intake", "cn.huiyin.intake.GrievanceSubmitted.v1",
            id, id, submitted);
        kit.send(DashboardKit.INTAKE, id, event);
        kit.publish(DashboardKit.INTAKE, "/huiyin/intake", "cn.huiyin.intake.GrievanceWithdrawn.v1", id, id,
            DashboardKit.example("intake/GrievanceWithdrawn/examples/v1-settled-with-platform.json").put("grievanceId", id));

        JsonNode figures = kit.awaitJson(baiyin, NOVEMBER, t -> numerator(t.get("total"), "withdrawn") == 1);
        assertThat(numerator(figures.get("total"), "received")).isEqualTo(1);
        JsonNode received = kit.as(baiyin).get("/api/dashboard/cases?metric=received&period=2026-11").json();
        assertThat(received.get("total").asLong()).isEqualTo(1);
        assertThat(received.get("cases").get(0).get("grievanceId").asString()).isEqualTo(id);
    }

    private JsonNode truckDrivers(java.util.function.Predicate<JsonNode> ready) {
        JsonNode table = kit.awaitJson(CITY, NOVEMBER + "&by=worker-group", t -> {
            JsonNode row = DashboardKit.rows(t).stream().filter(r -> r.get("key").asString().equals("TRUCK_DRIVER"))
                .findFirst().orElse(null);
            return row != null && ready.test(row);
        });
        return row(table, "TRUCK_DRIVER");
    }

    /** For every figure of the row: the cases behind its numerator and denominator are as many as it counts. */
    private void everyFigureListsItsCases(JsonNode row) {
        row.get("figures").properties().forEach(entry -> {
            String metric = entry.getKey();
            JsonNode value = entry.getValue();
            String kind = metricKind(metric);
            if (!kind.equals("SUM") && !kind.equals("MONEY") && !kind.equals("SCORE")) {
                assertThat(listed(metric, "numerator")).as(metric + " numerator").isEqualTo(value.get("numerator").asLong());
            }
            if (!value.get("denominator").isNull()) {
                assertThat(listed(metric, "denominator")).as(metric + " denominator")
                    .isEqualTo(value.get("denominator").asLong());
            }
        });
    }

    private long listed(String metric, String part) {
        JsonNode list = kit.as(CITY).get("/api/dashboard/cases?metric=" + metric + "&part=" + part
            + "&period=2026-11&by=worker-group&key=TRUCK_DRIVER&size=1000").json();
        assertThat(list.get("cases").size()).isEqualTo((int) Math.min(1000, list.get("total").asLong()));
        return list.get("total").asLong();
    }

    private String metricKind(String metric) {
        return kit.as(CITY).get("/api/dashboard/metrics").json().valueStream()
            .filter(m -> m.get("code").asString().equals(metric)).findFirst().orElseThrow().get("kind").asString();
    }

    private static JsonNode row(JsonNode table, String key) {
        return DashboardKit.rows(table).stream().filter(r -> r.get("key").asString().equals(key)).findFirst()
            .orElseThrow(() -> new AssertionError("no row " + key + " in " + table));
    }

}
