package cn.huiyin.dashboard.application.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.huiyin.dashboard.application.organisation.FollowOrganisations;
import cn.huiyin.dashboard.application.projection.LiveGeneration;
import cn.huiyin.dashboard.domain.cell.CellGroup;
import cn.huiyin.dashboard.domain.cell.CellKey;
import cn.huiyin.dashboard.domain.cell.Contribution;
import cn.huiyin.dashboard.domain.cell.Counter;
import cn.huiyin.dashboard.domain.cell.Keys;
import cn.huiyin.dashboard.domain.cell.ReportingPeriod;
import cn.huiyin.dashboard.domain.fact.CaseFact;
import cn.huiyin.dashboard.domain.metric.Metric;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.access.Caller;

/**
 * The cases behind a figure (下钻). A case is listed exactly when its own contribution puts the figure's counter into
 * one of the cells the figure was summed from — the same function that fed the cells — so the list is as long as the
 * numerator or denominator, by construction. It reads the facts of the territory and period, not the cells.
 */
public class DrillDown {

    /** Which side of a figure to list. */
    public enum Part { NUMERATOR, DENOMINATOR }

    private final FactQueries facts;
    private final LiveGeneration live;
    private final FollowOrganisations organisations;

    public DrillDown(FactQueries facts, LiveGeneration live, FollowOrganisations organisations) {
        this.facts = facts;
        this.live = live;
        this.organisations = organisations;
    }

    public CaseList cases(Caller caller, String division, ReportingPeriod period, Metric metric, Part part,
                          Breakdown by, String key, boolean rollup, int page, int size) {
        String scope = Viewers.scope(caller, division);
        CellGroup group = by.isTrend() ? CellGroup.ALL : by.group();
        Counter counter = part == Part.NUMERATOR ? metric.numeratorCases(group) : metric.denominator(group);
        if (counter == null) {
            throw DomainException.invalid("part.none", metric.nameZh() + "没有分母", metric.nameEn() + " has no denominator");
        }
        ReportingPeriod rows = period;
        if (by.isTrend()) {
            rows = ReportingPeriod.parse(key).filter(p -> !p.from().isBefore(period.from()) && !p.to().isAfter(period.to()))
                .orElseThrow(() -> DomainException.invalid("key.not-in-period", "行键不是本期内的时间段：" + key,
                    "key " + key + " is not a period within " + period.label()));
        }
        Set<String> rowKeys = rowKeys(by, key, rollup, counter);
        List<CellKey> cells = new ArrayList<>();
        for (String cellPeriod : rows.cellPeriods()) {
            cells.add(new CellKey(scope, cellPeriod, group));
        }
        String generation = live.forQueries();
        List<CaseRow> matches = new ArrayList<>();
        facts.forEach(generation, scope, counter.basis(), rows.from(), rows.to(), fact -> {
            if (contributes(fact, cells, rowKeys, counter)) {
                matches.add(CaseRow.of(fact));
            }
        });
        matches.sort(Comparator.comparing(CaseRow::grievanceId));
        int from = Math.min(matches.size(), page * size);
        int to = Math.min(matches.size(), from + size);
        return new CaseList(metric.code(), part.name().toLowerCase(Locale.ROOT), counter.code(), scope, period.label(),
            by.name(), key, matches.size(), page, size, List.copyOf(matches.subList(from, to)));
    }

    private Set<String> rowKeys(Breakdown by, String key, boolean rollup, Counter counter) {
        if (by.isTrend() || by.group() == CellGroup.ALL) {
            return Set.of(Keys.ALL);
        }
        if (key == null || key.isBlank()) {
            throw DomainException.invalid("key.missing", "请指明下钻的行（key）", "name the row to drill into (key)");
        }
        if (by.group() == CellGroup.DIMS) {
            return Set.of(by.dimension().key(key));
        }
        if (!rollup || counter.perOrganisation() || Keys.UNASSIGNED.equals(key)) {
            return Set.of(Keys.escape(key));
        }
        return organisations.hierarchy().subtree(key).stream().map(Keys::escape)
            .collect(java.util.stream.Collectors.toSet());
    }

    private static boolean contributes(CaseFact fact, List<CellKey> cells, Set<String> rowKeys, Counter counter) {
        Map<CellKey, Map<String, Long>> contribution = Contribution.of(fact);
        for (CellKey cell : cells) {
            Map<String, Long> fields = contribution.get(cell);
            if (fields == null) {
                continue;
            }
            for (String row : rowKeys) {
                if (fields.getOrDefault(row + "." + counter.code(), 0L) > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
