package cn.huiyin.dashboard.domain.hotspot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hotspot table (category × street or category × enterprise) for one month, with month-on-month change. A cluster
 * is flagged as growing when its count rose in each of the last two months and reached {@code minimum} — a single
 * bad month is not yet a trend.
 */
public final class HotspotTable {

    private HotspotTable() {
    }

    /** Rows keyed {@code category|place} → count for the month, the month before and the one before that. */
    public static List<HotspotRow> of(Map<String, Long> month, Map<String, Long> previous, Map<String, Long> beforePrevious,
                                      long minimum) {
        Set<String> keys = new HashSet<>(month.keySet());
        keys.addAll(previous.keySet());
        List<HotspotRow> rows = new ArrayList<>();
        for (String key : keys) {
            int bar = key.indexOf('|');
            long now = month.getOrDefault(key, 0L);
            long before = previous.getOrDefault(key, 0L);
            long earlier = beforePrevious.getOrDefault(key, 0L);
            if (now == 0 && before == 0) {
                continue;
            }
            Double percent = before == 0 ? null : Math.round(1000.0 * (now - before) / before) / 10.0;
            boolean growing = now >= minimum && now > before && before > earlier;
            rows.add(new HotspotRow(key.substring(0, bar), key.substring(bar + 1), now, before, earlier, now - before,
                percent, growing));
        }
        rows.sort(Comparator.comparingLong(HotspotRow::count).reversed().thenComparing(HotspotRow::category)
            .thenComparing(HotspotRow::place));
        return rows;
    }
}
