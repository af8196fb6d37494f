package cn.huiyin.dashboard.domain.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.huiyin.dashboard.domain.cell.CellGroup;
import cn.huiyin.dashboard.domain.cell.Counter;
import cn.huiyin.dashboard.domain.metric.Figures;
import cn.huiyin.dashboard.domain.metric.Metric;

/**
 * The monthly ranking of units (月度排名): each lead organisation's three rates over the cases submitted in the month,
 * a composite score with the configured weights, best first. Built from the organisation cells of a territory, frozen
 * into a snapshot when the month has ended, and changed afterwards only by recorded corrections (核减).
 */
public final class Ranking {

    /** The counters a ranking keeps per unit: enough to recompute its rates after a correction. */
    public static final List<Counter> KEPT = List.of(Counter.VALID, Counter.CLOSED, Counter.RESPONDED_ON_TIME,
        Counter.RESPONSE_DUE, Counter.SOLVED, Counter.ANSWERED, Counter.SATISFIED_OR_BASICALLY, Counter.RATED,
        Counter.SATISFACTION_POINTS);

    private Ranking() {
    }

    /** Ranks units by their counters; equal scores share a rank, units without any rated case come last, unranked. */
    public static List<RankingRow> rank(Map<String, Map<String, Long>> countersByUnit, RankingWeights weights,
                                        Function<String, String> names) {
        List<RankingRow> rows = new ArrayList<>();
        countersByUnit.forEach((unit, all) -> {
            Map<String, Long> counters = new LinkedHashMap<>();
            KEPT.forEach(c -> counters.put(c.code(), all.getOrDefault(c.code(), 0L)));
            if (counters.get(Counter.VALID.code()) == 0 && counters.get(Counter.RESPONSE_DUE.code()) == 0) {
                return;
            }
            rows.add(new RankingRow(unit, names.apply(unit), counters,
                Figures.of(Metric.RESPONSE_RATE, counters, CellGroup.ORG).value(),
                Figures.of(Metric.RESOLUTION_RATE, counters, CellGroup.ORG).value(),
                Figures.of(Metric.SATISFACTION_RATE, counters, CellGroup.ORG).value(),
                Figures.weighted(weights.byMetric(), counters, CellGroup.ORG), null));
        });
        rows.sort(Comparator.comparing((RankingRow r) -> r.score() == null ? 1 : 0)
            .thenComparing(r -> r.score() == null ? 0 : -r.score())
            .thenComparing(RankingRow::organisationId));
        List<RankingRow> ranked = new ArrayList<>();
        Double previous = null;
        int rank = 0;
        for (int i = 0; i < rows.size(); i++) {
            RankingRow row = rows.get(i);
            if (row.score() != null && !row.score().equals(previous)) {
                rank = i + 1;
                previous = row.score();
            }
            ranked.add(new RankingRow(row.organisationId(), row.name(), row.counters(), row.responseRate(),
                row.resolutionRate(), row.satisfactionRate(), row.score(), row.score() == null ? null : rank));
        }
        return ranked;
    }

    /** The counters of each unit with the corrections' removed contributions taken off. */
    public static Map<String, Map<String, Long>> corrected(Map<String, Map<String, Long>> countersByUnit,
                                                          List<Correction> corrections) {
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        countersByUnit.forEach((unit, counters) -> result.put(unit, new LinkedHashMap<>(counters)));
        for (Correction correction : corrections) {
            Map<String, Long> counters = result.get(correction.organisationId());
            if (counters != null) {
                correction.removed().forEach((code, value) -> counters.merge(code, -value, Long::sum));
            }
        }
        return result;
    }
}
