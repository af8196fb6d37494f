package cn.huiyin.dashboard.application.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.huiyin.dashboard.application.organisation.FollowOrganisations;
import cn.huiyin.dashboard.application.projection.LiveGeneration;
import cn.huiyin.dashboard.domain.cell.CellGroup;
import cn.huiyin.dashboard.domain.cell.Counter;
import cn.huiyin.dashboard.domain.cell.Dimension;
import cn.huiyin.dashboard.domain.cell.Keys;
import cn.huiyin.dashboard.domain.cell.ReportingPeriod;
import cn.huiyin.dashboard.domain.metric.Figures;
import cn.huiyin.dashboard.domain.organisation.Hierarchy;
import cn.huiyin.platform.kernel.access.Caller;

/**
 * A leader's questions (领导看板): every figure for their jurisdiction (or a division within it) over a period,
 * optionally broken down by organisation — rolled up along the hierarchy on request — by worker group, category,
 * channel, enterprise, the divisions one level below, or the days, weeks or months of the period. Answered from the
 * pre-aggregated cells: a year is twelve cell reads per breakdown, however many cases it holds.
 */
public class LeaderQueries {

    private final CellSums sums;
    private final LiveGeneration live;
    private final FollowOrganisations organisations;
    private final Labels labels;

    public LeaderQueries(CellSums sums, LiveGeneration live, FollowOrganisations organisations, Labels labels) {
        this.sums = sums;
        this.live = live;
        this.organisations = organisations;
        this.labels = labels;
    }

    public FigureTable figures(Caller caller, String division, ReportingPeriod period, Breakdown by, boolean rollup) {
        String scope = Viewers.scope(caller, division);
        String generation = live.forQueries();
        FigureRow total = new FigureRow(Keys.ALL, null, null,
            Figures.of(sums.total(generation, scope, period), CellGroup.ALL));
        List<FigureRow> rows = new ArrayList<>();
        if (by.isTrend()) {
            for (ReportingPeriod part : period.split(by.trend())) {
                rows.add(new FigureRow(part.label(), null, null,
                    Figures.of(sums.total(generation, scope, part), CellGroup.ALL)));
            }
        } else if (by.group() == CellGroup.ORG) {
            rows.addAll(organisationRows(sums.rows(generation, scope, period, CellGroup.ORG), rollup));
        } else if (by.group() == CellGroup.DIMS) {
            Dimension dimension = by.dimension();
            new TreeMap<>(sums.rows(generation, scope, period, CellGroup.DIMS)).forEach((key, counters) ->
                dimension.valueIn(Keys.escape(key)).ifPresent(value -> rows.add(new FigureRow(value,
                    labels.of(dimension, value), null, Figures.of(counters, CellGroup.DIMS)))));
        }
        String drillDown = "/api/dashboard/cases?metric={metric}&part={numerator|denominator}&period=" + period.label()
            + "&division=" + scope + "&by=" + by.name() + (rollup ? "&rollup=true" : "") + "&key={row key}";
        return new FigureTable(scope, period.label(), by.name(), rollup && by.group() == CellGroup.ORG, generation,
            total, rows, drillDown);
    }

    /** Rows per lead organisation, or per organisation with everything below it added in (roll-up). */
    private List<FigureRow> organisationRows(Map<String, Map<String, Long>> byLead, boolean rollup) {
        Hierarchy hierarchy = organisations.hierarchy();
        Map<String, Map<String, Long>> rows = new HashMap<>();
        for (Map.Entry<String, Map<String, Long>> lead : byLead.entrySet()) {
            List<String> targets = rollup && !Keys.UNASSIGNED.equals(lead.getKey())
                ? hierarchy.chain(lead.getKey()) : List.of(lead.getKey());
            for (String target : targets) {
                Map<String, Long> sum = rows.computeIfAbsent(target, k -> new HashMap<>());
                lead.getValue().forEach((code, value) -> {
                    // An organisation's own returns and assignments are its own, never its children's.
                    boolean own = code.equals(Counter.RETURNED_BY.code()) || code.equals(Counter.ASSIGNED_TO.code());
                    if (!own || target.equals(lead.getKey())) {
                        sum.merge(code, value, Long::sum);
                    }
                });
            }
        }
        List<FigureRow> result = new ArrayList<>();
        Set<String> ordered = new LinkedHashSet<>(rows.keySet());
        ordered.stream().sorted(Comparator.naturalOrder()).forEach(id -> result.add(new FigureRow(id,
            hierarchy.nameOf(id), rollup ? hierarchy.parentOf(id) : null, Figures.of(rows.get(id), CellGroup.ORG))));
        return result;
    }
}
