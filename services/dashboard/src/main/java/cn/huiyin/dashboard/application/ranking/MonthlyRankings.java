package cn.huiyin.dashboard.application.ranking;

import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.huiyin.dashboard.application.organisation.FollowOrganisations;
import cn.huiyin.dashboard.application.projection.CellStore;
import cn.huiyin.dashboard.application.projection.LiveGeneration;
import cn.huiyin.dashboard.application.query.CellSums;
import cn.huiyin.dashboard.application.query.FactQueries;
import cn.huiyin.dashboard.application.query.Viewers;
import cn.huiyin.dashboard.domain.cell.Basis;
import cn.huiyin.dashboard.domain.cell.CellGroup;
import cn.huiyin.dashboard.domain.cell.Contribution;
import cn.huiyin.dashboard.domain.cell.Counter;
import cn.huiyin.dashboard.domain.cell.Grain;
import cn.huiyin.dashboard.domain.cell.Keys;
import cn.huiyin.dashboard.domain.cell.ReportingPeriod;
import cn.huiyin.dashboard.domain.fact.CaseFact;
import cn.huiyin.dashboard.domain.organisation.Hierarchy;
import cn.huiyin.dashboard.domain.ranking.Correction;
import cn.huiyin.dashboard.domain.ranking.Ranking;
import cn.huiyin.dashboard.domain.ranking.RankingWeights;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.access.Caller;

/**
 * The monthly ranking of units (月度排名), by the three rates of the cases submitted in the month. While the month runs
 * the ranking follows the cells; once it has ended (midnight Beijing time) it is frozen into a snapshot — by the
 * scheduler for every territory with figures, or at the first question for one without — and afterwards changes only
 * through recorded corrections (核减), each with who and why.
 */
public class MonthlyRankings {

    private final CellSums sums;
    private final CellStore cells;
    private final RankingStore store;
    private final FactQueries facts;
    private final LiveGeneration live;
    private final FollowOrganisations organisations;
    private final RankingWeights weights;
    private final Clock clock;

    public MonthlyRankings(CellSums sums, CellStore cells, RankingStore store, FactQueries facts, LiveGeneration live,
                           FollowOrganisations organisations, RankingWeights weights, Clock clock) {
        this.sums = sums;
        this.cells = cells;
        this.store = store;
        this.facts = facts;
        this.live = live;
        this.organisations = organisations;
        this.weights = weights;
        this.clock = clock;
    }

    public RankingView ranking(Caller caller, String division, YearMonth month) {
        String scope = Viewers.scope(caller, division);
        Hierarchy hierarchy = organisations.hierarchy();
        if (!hasEnded(month)) {
            Map<String, Map<String, Long>> counters = liveCounters(live.forQueries(), scope, month);
            return new RankingView(scope, month.toString(), false, null, weights,
                Ranking.rank(counters, weights, hierarchy::nameOf), List.of(), List.of());
        }
        RankingSnapshot snapshot = store.snapshot(scope, month.toString()).orElseGet(() -> freeze(scope, month));
        List<Correction> corrections = store.corrections(month.toString()).stream()
            .filter(c -> c.divisionCode() != null && c.divisionCode().startsWith(scope)).toList();
        return new RankingView(scope, month.toString(), true, snapshot.frozenAt(), snapshot.weights(),
            Ranking.rank(Ranking.corrected(snapshot.counters(), corrections), snapshot.weights(), snapshot.names()::get),
            Ranking.rank(snapshot.counters(), snapshot.weights(), snapshot.names()::get), corrections);
    }

    /** Records a correction (核减) of an ended month: the case leaves its unit's figures in every ranking containing it. */
    public Correction correct(Caller caller, YearMonth month, String grievanceId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("correction.reason-missing", "核减须说明理由", "a correction needs a reason");
        }
        if (!hasEnded(month)) {
            throw DomainException.conflict("ranking.not-frozen", month + " 尚未结束，排名未冻结，无需核减",
                month + " has not ended; its ranking is not frozen yet");
        }
        CaseFact fact = facts.find(live.forQueries(), grievanceId).orElseThrow(() -> DomainException.notFound(
            "case.not-found", "看板中没有该诉求：" + grievanceId, "the dashboard knows no grievance " + grievanceId));
        if (!Viewers.covers(caller, fact.division())) {
            throw DomainException.forbidden("case.out-of-scope", "该诉求不在您的辖区内", "the grievance lies outside your jurisdiction");
        }
        if (!fact.isCounted() || !YearMonth.from(Contribution.day(fact.submittedAt())).equals(month) || fact.lead() == null) {
            throw DomainException.conflict("correction.not-in-ranking", "该诉求不在 " + month + " 的单位排名中",
                "the grievance is not in any unit's ranking of " + month);
        }
        Map<String, Long> all = Contribution.counters(fact, Basis.SUBMITTED);
        Map<String, Long> removed = new LinkedHashMap<>();
        for (Counter counter : Ranking.KEPT) {
            long value = all.getOrDefault(counter.code(), 0L);
            if (value != 0) {
                removed.put(counter.code(), value);
            }
        }
        Correction correction = new Correction(UUID.randomUUID().toString(), month.toString(), grievanceId,
            fact.lead().id(), fact.division(), removed, caller.username(), reason.strip(), clock.instant());
        if (!store.addCorrection(correction)) {
            throw DomainException.conflict("correction.duplicate", "该诉求已从 " + month + " 的排名中核减",
                "the grievance was already corrected out of " + month);
        }
        return correction;
    }

    /** Freezes the month just ended for every territory that has figures in it; returns how many were frozen. */
    public int freezeEndedMonth() {
        YearMonth ended = YearMonth.now(clock.withZone(Contribution.BEIJING)).minusMonths(1);
        String generation = live.forQueries();
        int frozen = 0;
        for (String scope : cells.scopes(generation, Grain.MONTH.key(ended.atDay(1)), CellGroup.ORG)) {
            if (store.snapshot(scope, ended.toString()).isEmpty()) {
                freeze(scope, ended);
                frozen++;
            }
        }
        return frozen;
    }

    private RankingSnapshot freeze(String scope, YearMonth month) {
        Hierarchy hierarchy = organisations.hierarchy();
        String generation = live.forQueries();
        Map<String, Map<String, Long>> counters = liveCounters(generation, scope, month);
        Map<String, String> names = new HashMap<>();
        counters.keySet().forEach(id -> {
            String name = hierarchy.nameOf(id);
            names.put(id, name == null ? id : name);
        });
        return store.freeze(new RankingSnapshot(scope, month.toString(), clock.instant(), generation, weights, counters,
            names));
    }

    private Map<String, Map<String, Long>> liveCounters(String generation, String scope, YearMonth month) {
        Map<String, Map<String, Long>> byUnit = new LinkedHashMap<>();
        sums.rows(generation, scope, ReportingPeriod.month(month), CellGroup.ORG).forEach((unit, counters) -> {
            if (!Keys.UNASSIGNED.equals(unit)) {
                Map<String, Long> kept = new LinkedHashMap<>();
                Ranking.KEPT.forEach(c -> kept.put(c.code(), counters.getOrDefault(c.code(), 0L)));
                byUnit.put(unit, kept);
            }
        });
        return byUnit;
    }

    private boolean hasEnded(YearMonth month) {
        return YearMonth.now(clock.withZone(Contribution.BEIJING)).isAfter(month);
    }
}
