package cn.huiyin.dashboard.application.query;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import cn.huiyin.dashboard.application.projection.LiveGeneration;
import cn.huiyin.dashboard.domain.cell.CellGroup;
import cn.huiyin.dashboard.domain.cell.Counter;
import cn.huiyin.dashboard.domain.cell.Dimension;
import cn.huiyin.dashboard.domain.cell.Keys;
import cn.huiyin.dashboard.domain.cell.ReportingPeriod;
import cn.huiyin.platform.kernel.access.Caller;

/** How many grievances came in, per category, channel, worker group, district and day, within the caller's jurisdiction. */
public class IntakeCounts {

    private final CellSums sums;
    private final LiveGeneration live;

    public IntakeCounts(CellSums sums, LiveGeneration live) {
        this.sums = sums;
        this.live = live;
    }

    public IntakeSummary summary(Caller caller, LocalDate from, LocalDate to) {
        String scope = Viewers.scope(caller, null);
        String generation = live.forQueries();
        ReportingPeriod period = ReportingPeriod.range(from, to);
        String received = Counter.RECEIVED.code();
        long total = sums.total(generation, scope, period).getOrDefault(received, 0L);
        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, Long> byChannel = new TreeMap<>();
        Map<String, Long> byGroup = new TreeMap<>();
        Map<String, Long> byDistrict = new TreeMap<>();
        sums.rows(generation, scope, period, CellGroup.DIMS).forEach((key, counters) -> {
            long count = counters.getOrDefault(received, 0L);
            if (count == 0) {
                return;
            }
            String escaped = Keys.escape(key);
            Dimension.CATEGORY.valueIn(escaped).ifPresent(v -> byCategory.merge(v, count, Long::sum));
            Dimension.CHANNEL.valueIn(escaped).ifPresent(v -> byChannel.merge(v, count, Long::sum));
            Dimension.WORKER_GROUP.valueIn(escaped).ifPresent(v -> byGroup.merge(v, count, Long::sum));
            if (scope.length() < 6) {
                Dimension.DIVISION.valueIn(escaped).ifPresent(v -> byDistrict.merge(v.length() >= 6 ? v.substring(0, 6) : v,
                    count, Long::sum));
            }
        });
        if (scope.length() >= 6 && total > 0) {
            byDistrict.put(scope.substring(0, 6), total);
        }
        Map<LocalDate, Long> byDay = new TreeMap<>();
        for (ReportingPeriod day : period.split(ReportingPeriod.Kind.DAY)) {
            long count = sums.total(generation, scope, day).getOrDefault(received, 0L);
            if (count > 0) {
                byDay.put(day.from(), count);
            }
        }
        return new IntakeSummary(caller.jurisdiction().code(), from, to, total, byCategory, byChannel, byGroup,
            byDistrict, byDay);
    }
}
