package cn.huiyin.dashboard.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Grievances received over a period, by category, channel, worker group and day. */
public record IntakeSummary(String jurisdiction, LocalDate from, LocalDate to, long total,
                            Map<String, Long> byCategory, Map<String, Long> byChannel, Map<String, Long> byWorkerGroup,
                            Map<String, Long> byDistrict, Map<LocalDate, Long> byDay) {

    public static IntakeSummary of(String jurisdiction, LocalDate from, LocalDate to, List<IntakeTally> tallies) {
        return new IntakeSummary(jurisdiction, from, to, tallies.stream().mapToLong(IntakeTally::count).sum(),
            sum(tallies, IntakeTally::category), sum(tallies, IntakeTally::channel),
            sum(tallies, IntakeTally::workerGroup), sum(tallies, IntakeTally::district), sum(tallies, IntakeTally::day));
    }

    private static <K> Map<K, Long> sum(List<IntakeTally> tallies, Function<IntakeTally, K> key) {
        Map<K, Long> sums = new TreeMap<>();
        tallies.forEach(t -> sums.merge(key.apply(t), t.count(), Long::sum));
        return sums;
    }
}
