package cn.huiyin.dashboard;

import static cn.huiyin.dashboard.DashboardKit.beijing;
import static cn.huiyin.dashboard.DashboardKit.numerator;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import cn.huiyin.platform.test.ServiceTest;
import cn.huiyin.platform.test.TestInstants;
import cn.huiyin.platform.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A city moving onto Huiyin imports its earlier ledger (台账): a row the ledger had closed counts as received in the
 * month the ledger registered it and in no rate, as Huiyin saw none of its handling; a row still open counts from the
 * import like any grievance Huiyin handles.
 */
@ServiceTest
class LedgerImportedRowsTest extends DashboardScenario {

    private static final TestUser YONGCHANG = TestUser.of("dashboard-viewer", "org-jc-yongchang", "620321");
    private static final String FREIGHT = "org-jc-freight";

    @Test
    void aRowClosedInTheLedgerCountsAsReceivedWhenRegisteredAndInNoRate() {
        Instant imported = TestInstants.DEFAULT;
        String closed = kit.importFromLedger(imported, beijing(2025, 4, 17, 9, 30), beijing(2025, 5, 6, 16, 0),
            "620321100");
        String handled = kit.live(beijing(2025, 4, 10, 10, 0), new DashboardKit.Life("HOTLINE_12328", "620321100",
            "WAGES", FREIGHT, "NO", "DISSATISFIED", "RESOLVED_BUT_DISSATISFIED"));

        JsonNode april = kit.awaitJson(YONGCHANG, "/api/dashboard/figures?period=2025-04&by=channel",
            t -> received(t) == 2 && closedRate(t) == 1);
        JsonNode ledgerRow = row(april, "LEDGER_IMPORT");
        assertThat(numerator(ledgerRow, "received")).isEqualTo(1);
        assertThat(numerator(ledgerRow, "closedInLedger")).isEqualTo(1);
        assertThat(ledgerRow.at("/figures/closureRate/denominator").asLong()).as("not a valid case of any rate")
            .isZero();
        assertThat(ledgerRow.at("/figures/closureRate/value").isNull()).isTrue();
        assertThat(ledgerRow.at("/figures/onTimeClosureRate/denominator").asLong()).isZero();
        assertThat(ledgerRow.at("/figures/open/numerator").asLong()).as("closed, so not open either").isZero();
        assertThat(listed("2025-04", "closedInLedger", "numerator")).containsExactly(closed);
        assertThat(listed("2025-04", "received", "numerator")).containsExactlyInAnyOrder(closed, handled);
        assertThat(listed("2025-04", "closureRate", "denominator")).containsExactly(handled);
        assertThat(listed("2025-05", "closedInPeriod", "numerator")).as("the ledger's closure is not Huiyin's")
            .doesNotContain(closed);
        assertThat(listed("2026-12", "received", "numerator")).as("not counted at the import").doesNotContain(closed);
    }

    @Test
    void aRowStillOpenInTheLedgerIsHuiyinsWorkFromTheImport() {
        String open = kit.importFromLedger(TestInstants.DEFAULT, beijing(2025, 9, 1, 9, 0), null, "620321100");

        kit.awaitJson(YONGCHANG, "/api/dashboard/figures?period=2026-12&by=channel",
            t -> t.get("rows").valueStream().anyMatch(r -> r.get("key").asString().equals("LEDGER_IMPORT")));
        assertThat(listed("2026-12", "open", "numerator")).contains(open);
        assertThat(listed("2026-12", "closedInLedger", "numerator")).doesNotContain(open);
        assertThat(listed("2025-09", "received", "numerator")).doesNotContain(open);
    }

    private static long received(JsonNode table) {
        return DashboardKit.rows(table).stream().mapToLong(r -> numerator(r, "received")).sum();
    }

    private static long closedRate(JsonNode table) {
        return DashboardKit.rows(table).stream().mapToLong(r -> numerator(r, "closureRate")).sum();
    }

    private static JsonNode row(JsonNode table, String key) {
        return DashboardKit.rows(table).stream().filter(r -> r.get("key").asString().equals(key)).findFirst()
            .orElseThrow(() -> new AssertionError("no row " + key + " in " + table));
    }

    private List<String> listed(String period, String metric, String part) {
        JsonNode list = kit.as(YONGCHANG).get("/api/dashboard/cases?metric=" + metric + "&part=" + part
            + "&period=" + period + "&size=1000").json();
        return list.get("cases").valueStream().map(c -> c.get("grievanceId").asString()).toList();
    }
}
