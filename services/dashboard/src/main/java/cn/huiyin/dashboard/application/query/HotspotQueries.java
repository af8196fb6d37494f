package cn.huiyin.dashboard.application.query;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.dashboard.application.projection.LiveGeneration;
import cn.huiyin.dashboard.domain.cell.CellGroup;
import cn.huiyin.dashboard.domain.cell.Counter;
import cn.huiyin.dashboard.domain.cell.Dimension;
import cn.huiyin.dashboard.domain.cell.Hotspots;
import cn.huiyin.dashboard.domain.cell.Keys;
import cn.huiyin.dashboard.domain.cell.ReportingPeriod;
import cn.huiyin.dashboard.domain.hotspot.HotspotTable;
import cn.huiyin.platform.kernel.access.Caller;

/** Hotspots of a month in a territory, from the monthly hotspot cells of it and the two months before. */
public class HotspotQueries {

    private final CellSums sums;
    private final LiveGeneration live;
    private final Labels labels;
    private final long minimum;

    public HotspotQueries(CellSums sums, LiveGeneration live, Labels labels, long minimum) {
        this.sums = sums;
        this.live = live;
        this.labels = labels;
        this.minimum = minimum;
    }

    public HotspotView hotspots(Caller caller, String division, YearMonth month, int limit) {
        String scope = Viewers.scope(caller, division);
        String generation = live.forQueries();
        Map<String, Map<String, Long>> now = tables(generation, scope, month);
        Map<String, Map<String, Long>> before = tables(generation, scope, month.minusMonths(1));
        Map<String, Map<String, Long>> earlier = tables(generation, scope, month.minusMonths(2));
        return new HotspotView(scope, month.toString(), minimum,
            labelled(table(Hotspots.CATEGORY_STREET, now, before, earlier), Dimension.DIVISION, limit),
            labelled(table(Hotspots.CATEGORY_ENTERPRISE, now, before, earlier), null, limit));
    }

    private List<HotspotView.Labelled> labelled(List<cn.huiyin.dashboard.domain.hotspot.HotspotRow> rows,
                                                Dimension place, int limit) {
        return rows.stream().limit(limit).map(row -> new HotspotView.Labelled(row,
            labels.of(Dimension.CATEGORY, row.category()), place == null ? null : labels.of(place, row.place()))).toList();
    }

    private List<cn.huiyin.dashboard.domain.hotspot.HotspotRow> table(String table, Map<String, Map<String, Long>> now,
                                                                       Map<String, Map<String, Long>> before,
                                                                       Map<String, Map<String, Long>> earlier) {
        return HotspotTable.of(now.getOrDefault(table, Map.of()), before.getOrDefault(table, Map.of()),
            earlier.getOrDefault(table, Map.of()), minimum);
    }

    /** Table ({@code cs} / {@code ce}) → {@code category|place} → received. */
    private Map<String, Map<String, Long>> tables(String generation, String scope, YearMonth month) {
        Map<String, Map<String, Long>> tables = new HashMap<>();
        sums.rows(generation, scope, ReportingPeriod.month(month), CellGroup.HOT).forEach((key, counters) ->
            Hotspots.parse(Keys.escape(key)).ifPresent(row -> tables.computeIfAbsent(row.table(), k -> new HashMap<>())
                .merge(row.category() + "|" + row.place(), counters.getOrDefault(Counter.RECEIVED.code(), 0L), Long::sum)));
        return tables;
    }
}
