package cn.huiyin.dashboard.domain.cell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import cn.huiyin.dashboard.domain.fact.CaseFact;
import cn.huiyin.dashboard.domain.fact.Organisation;
import cn.huiyin.dashboard.domain.fact.Remedy;
import org.junit.jupiter.api.Test;

/** The deltas of a grievance's events add up to what its final fact contributes, whatever moved in between. */
class ContributionTest {

    private static final Instant FILED = Instant.parse("2026-11-20T02:00:00Z");

    @Test
    void theDeltasOfALifeAddUpToItsFinalContribution() {
        CaseFact fact = new CaseFact("HY-20261120-000001");
        Map<CellKey, Map<String, Long>> sum = new HashMap<>();

        CaseFact before = null;
        for (int step = 0; step < 5; step++) {
            CaseFact after = before == null ? fact : before.copy();
            switch (step) {
                case 0 -> after.submitted(FILED, "HOTLINE_12345", "WAGES", "COURIER", "510104001", "某快递");
                case 1 -> after.triaged(1, "PARKING_ACCESS", "COURIER", "510105001", "NORMAL",
                    FILED.plusSeconds(3_600), FILED.plusSeconds(86_400));
                case 2 -> after.assigned(1, new Organisation("org-street", "街道", "STREET"), "PARKING_ACCESS",
                    FILED.plusSeconds(60), FILED.plusSeconds(3_600), FILED.plusSeconds(86_400));
                case 3 -> after.responded(FILED.plusSeconds(1_200), true, 20);
                default -> after.closed(FILED.plusSeconds(90_000), "RESOLVED_AND_SATISFIED",
                    new Remedy(50_000, false, false, false, 0, 1), "YES", "SATISFIED");
            }
            Contribution.delta(before, after).forEach((cell, fields) -> fields.forEach((name, value) ->
                sum.computeIfAbsent(cell, k -> new HashMap<>()).merge(name, value, Long::sum)));
            before = after;
        }

        Map<CellKey, Map<String, Long>> expected = Contribution.of(before);
        sum.values().forEach(fields -> fields.values().removeIf(v -> v == 0));
        sum.values().removeIf(Map::isEmpty);
        assertThat(sum).isEqualTo(expected);
        assertThat(sum.keySet()).as("re-placed from 510104001 to 510105001 by triage")
            .noneMatch(cell -> cell.scope().startsWith("510104"));
    }

    @Test
    void aMoveToAnotherDistrictTakesTheCaseOutOfTheOldCellsAndIntoTheNew() {
        CaseFact before = new CaseFact("HY-20261120-000002");
        before.submitted(FILED, "MINI_PROGRAM", "WAGES", "COURIER", "510104001", null);
        CaseFact after = before.copy();
        after.triaged(1, "WAGES", "COURIER", "510105001", "NORMAL", null, null);

        Map<CellKey, Map<String, Long>> delta = Contribution.delta(before, after);

        CellKey oldStreet = new CellKey("510104001", "M2026-11", CellGroup.ALL);
        CellKey newStreet = new CellKey("510105001", "M2026-11", CellGroup.ALL);
        assertThat(delta.get(oldStreet)).containsEntry(Keys.ALL + ".rcv", -1L);
        assertThat(delta.get(newStreet)).containsEntry(Keys.ALL + ".rcv", 1L);
        assertThat(delta.keySet()).as("the city's cells count it before and after").noneMatch(cell ->
            cell.scope().equals("510100") && cell.group() == CellGroup.ALL);
    }
}
