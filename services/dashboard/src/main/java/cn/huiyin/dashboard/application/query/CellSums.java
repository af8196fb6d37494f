package cn.huiyin.dashboard.application.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.dashboard.application.projection.CellStore;
import cn.huiyin.dashboard.domain.cell.CellGroup;
import cn.huiyin.dashboard.domain.cell.CellKey;
import cn.huiyin.dashboard.domain.cell.Keys;
import cn.huiyin.dashboard.domain.cell.ReportingPeriod;

/** Sums the cells of a period: each row's counters added up over the months and days the period consists of. */
public final class CellSums {

    private final CellStore cells;

    public CellSums(CellStore cells) {
        this.cells = cells;
    }

    /** Row key (unescaped) → counter code → value, summed over the period's cells of {@code group}. */
    public Map<String, Map<String, Long>> rows(String generation, String scope, ReportingPeriod period, CellGroup group) {
        List<CellKey> keys = new ArrayList<>();
        for (String cellPeriod : period.cellPeriods()) {
            keys.add(new CellKey(scope, cellPeriod, group));
        }
        Map<String, Map<String, Long>> sums = new HashMap<>();
        cells.read(generation, keys).values().forEach(rows -> rows.forEach((row, counters) -> {
            Map<String, Long> sum = sums.computeIfAbsent(Keys.unescape(row), k -> new HashMap<>());
            counters.forEach((code, value) -> sum.merge(code, value, Long::sum));
        }));
        // A row every case has left (a case counted as unassigned until its assignment arrived) is no row at all.
        sums.values().removeIf(counters -> counters.values().stream().allMatch(value -> value == 0));
        return sums;
    }

    /** The total row of the period. */
    public Map<String, Long> total(String generation, String scope, ReportingPeriod period) {
        return rows(generation, scope, period, CellGroup.ALL).getOrDefault(Keys.ALL, Map.of());
    }
}
