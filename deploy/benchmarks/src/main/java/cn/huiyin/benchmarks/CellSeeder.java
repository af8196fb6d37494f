package cn.huiyin.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.dashboard.application.projection.CellStore;
import cn.huiyin.dashboard.domain.cell.CellKey;
import cn.huiyin.dashboard.domain.cell.Contribution;
import cn.huiyin.dashboard.domain.fact.CaseFact;
import cn.huiyin.dashboard.domain.fact.Organisation;
import cn.huiyin.dashboard.domain.fact.Remedy;

/**
 * The dashboard benchmark's fast path to a large history: grievances of a whole year as facts built in memory with the
 * same methods the events call, their cell contributions ({@link Contribution#of}) summed in memory and written to the
 * live generation's cells in batches. The cells come out as the projection would leave them after the same events;
 * the facts themselves are not stored (leader queries read cells only; the drill-down is not measured at this size).
 * Above {@value #DISTINCT} grievances each distinct fact stands for several identical ones (its contribution times
 * the weight): the cells' number and shape are those of the distinct facts, their sums those of the whole count.
 */
final class CellSeeder {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final List<String> CHANNELS = List.of("HOTLINE_12345", "HOTLINE_12328", "MINI_PROGRAM",
        "SERVICE_HALL_WINDOW", "WORKER_STATION");
    private static final List<String> CATEGORIES = List.of("WAGES", "PARKING_ACCESS", "INJURY_INSURANCE",
        "PLATFORM_RULES", "SOCIAL_INSURANCE", "OTHER");
    private static final List<String> GROUPS = List.of("FOOD_DELIVERY_RIDER", "COURIER", "RIDE_HAILING_DRIVER",
        "TRUCK_DRIVER");
    private static final int FLUSH_CELLS = 20_000;
    static final int DISTINCT = 100_000;
    private static final int SLICE = 500;

    private final CellStore cells;
    private final String generation;
    private final List<String> divisions;
    private final int organisations;

    CellSeeder(CellStore cells, String generation, List<String> divisions, int organisations) {
        this.cells = cells;
        this.generation = generation;
        this.divisions = divisions;
        this.organisations = organisations;
    }

    /** Seeds {@code count} grievances submitted over 2026 up to November; prints progress; returns cells written. */
    long seed(int count) {
        int distinct = Math.min(count, DISTINCT);
        long weight = count / distinct;
        System.out.printf("  seeding %,d grievances: %,d distinct facts, each counted %,d times%n", distinct * weight,
            distinct, weight);
        Map<CellKey, Map<String, Long>> pending = new HashMap<>();
        long written = 0;
        long started = System.nanoTime();
        long lastReport = started;
        for (int i = 0; i < distinct; i++) {
            Contribution.of(fact(i)).forEach((cell, fields) -> {
                Map<String, Long> sum = pending.computeIfAbsent(cell, k -> new HashMap<>());
                fields.forEach((name, value) -> sum.merge(name, value * weight, Long::sum));
            });
            if (pending.size() >= FLUSH_CELLS || i == distinct - 1) {
                written += flush(pending);
            }
            if (System.nanoTime() - lastReport > 10e9) {
                lastReport = System.nanoTime();
                System.out.printf("  seeded %,d of %,d distinct facts (%.0f/s), %,d cell writes%n", i + 1, distinct,
                    (i + 1) / ((lastReport - started) / 1e9), written);
            }
        }
        System.out.printf("  seeded %,d grievances in %.1f s (%,d cell writes)%n", distinct * weight,
            (System.nanoTime() - started) / 1e9, written);
        return written;
    }

    /** Writes the pending sums a slice at a time (one request each), so no request outlasts the client's time-out. */
    private long flush(Map<CellKey, Map<String, Long>> pending) {
        Map<CellKey, Map<String, Long>> slice = new HashMap<>();
        long written = 0;
        for (Map.Entry<CellKey, Map<String, Long>> cell : pending.entrySet()) {
            slice.put(cell.getKey(), cell.getValue());
            if (slice.size() == SLICE) {
                cells.addBatch(generation, slice, Map.of());
                written += slice.size();
                slice.clear();
            }
        }
        if (!slice.isEmpty()) {
            cells.addBatch(generation, slice, Map.of());
            written += slice.size();
        }
        pending.clear();
        return written;
    }

    /** The i-th grievance: mostly closed within days; every 7th still open, every 10th dissatisfied. */
    private CaseFact fact(int i) {
        String id = String.format("HY-SEED-%08d", i);
        int dayOfYear = i % 334;
        Instant at = LocalDateTime.of(2026, 1, 1, 9 + i % 8, i % 60).plusDays(dayOfYear).atZone(BEIJING).toInstant();
        String division = divisions.get(i % divisions.size());
        String category = CATEGORIES.get(i % CATEGORIES.size());
        Organisation lead = new Organisation("org-bench-" + (i % organisations), "org-bench-" + (i % organisations),
            "INDUSTRY_COMMITTEE");
        CaseFact fact = new CaseFact(id);
        fact.submitted(at, CHANNELS.get(i % CHANNELS.size()), category, GROUPS.get(i % GROUPS.size()), division,
            "enterprise-" + (i % 40));
        fact.triaged(1, category, GROUPS.get(i % GROUPS.size()), division, "NORMAL", at.plus(Duration.ofHours(4)),
            at.plus(Duration.ofDays(5)));
        fact.assigned(1, lead, category, at.plusSeconds(1), at.plus(Duration.ofHours(4)), at.plus(Duration.ofDays(5)));
        fact.accepted(at.plus(Duration.ofMinutes(20)));
        fact.responded(at.plus(Duration.ofMinutes(40)), i % 13 != 0, 40 + i % 600);
        if (i % 7 == 0) {
            return fact;
        }
        fact.resolved(1, "RESOLVED", at.plus(Duration.ofHours(20)), i % 11 != 0, 600 + i % 2_400);
        String satisfaction = i % 10 == 0 ? "DISSATISFIED" : i % 3 == 0 ? "BASICALLY_SATISFIED" : "SATISFIED";
        fact.calledBack("YES", satisfaction);
        fact.closed(at.plus(Duration.ofHours(23)), i % 10 == 0 ? "RESOLVED_BUT_DISSATISFIED" : "RESOLVED_AND_SATISFIED",
            new Remedy(i % 5 == 0 ? 120_000 : 0, i % 9 == 0, false, false, 0, 1), "YES", satisfaction);
        return fact;
    }
}
