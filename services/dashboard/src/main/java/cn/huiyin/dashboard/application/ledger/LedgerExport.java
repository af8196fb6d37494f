package cn.huiyin.dashboard.application.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import cn.huiyin.dashboard.application.projection.LiveGeneration;
import cn.huiyin.dashboard.application.query.FactQueries;
import cn.huiyin.dashboard.application.query.Viewers;
import cn.huiyin.dashboard.domain.cell.Basis;
import cn.huiyin.dashboard.domain.cell.Contribution;
import cn.huiyin.dashboard.domain.cell.ReportingPeriod;
import cn.huiyin.dashboard.domain.fact.CaseFact;
import cn.huiyin.dashboard.domain.fact.Remedy;
import cn.huiyin.platform.kernel.access.Caller;

/**
 * The case ledger (台账): one row per grievance submitted in the period within the caller's jurisdiction, with its
 * stages, working times, outcome and remedy, streamed row by row (the dashboard holds no phone, ID number or name, so
 * there is nothing to mask). Times are Beijing local time.
 */
public class LedgerExport {

    public static final List<String> HEADER = List.of("受理编号 grievanceId", "受理时间 submittedAt", "渠道 channel",
        "群体 workerGroup", "类别 category", "区划 division", "企业 enterprise", "承办单位 leadOrganisation",
        "分派时间 assignedAt", "签收时间 acceptedAt", "首次联系 firstResponseAt", "响应工作分钟 responseWorkingMinutes",
        "按时响应 respondedWithinLimit", "办结时间 resolvedAt", "办理结论 resolutionKind",
        "办结工作分钟 resolutionWorkingMinutes", "按时办结 resolvedWithinLimit", "是否解决 solved", "满意度 satisfaction",
        "结案时间 closedAt", "结案结果 outcome", "重办次数 reopenCount", "督办次数 supervisions", "黄牌 yellowCards",
        "红牌 redCards", "获批延期 extensionsApproved", "追回金额元 moneyRecoveredYuan", "保险理赔 claimPaid",
        "账号恢复 accountReinstated", "惠及人数 workersCovered", "遭报复 retaliationReported");

    private final FactQueries facts;
    private final LiveGeneration live;

    public LedgerExport(FactQueries facts, LiveGeneration live) {
        this.facts = facts;
        this.live = live;
    }

    /** Checks the caller may see {@code division} and returns the territory the ledger covers. */
    public String scope(Caller caller, String division) {
        return Viewers.scope(caller, division);
    }

    /** How many rows {@link #rows} would stream after the header (a scan of the facts on the embedded store). */
    public long count(String scope, ReportingPeriod period) {
        return facts.count(live.forQueries(), scope, Basis.SUBMITTED, period.from(), period.to());
    }

    /** Streams the rows of the territory {@code scope} (from {@link #scope}) as text, header first (CSV). */
    public void rows(String scope, ReportingPeriod period, Consumer<List<String>> row) {
        row.accept(HEADER);
        values(scope, period, values -> row.accept(values.stream().map(LedgerExport::text).toList()));
    }

    /**
     * Streams the rows without the header as typed values (for a workbook): {@link String}, {@link Integer},
     * {@link BigDecimal} yuan, {@link Boolean}, {@link LocalDateTime} Beijing time, or null for an empty cell.
     */
    public void values(String scope, ReportingPeriod period, Consumer<List<Object>> row) {
        facts.forEach(live.forQueries(), scope, Basis.SUBMITTED, period.from(), period.to(), fact -> row.accept(of(fact)));
    }

    static List<Object> of(CaseFact f) {
        Remedy remedy = f.remedy() == null ? Remedy.NONE : f.remedy();
        List<Object> row = new ArrayList<>();
        row.add(f.grievanceId());
        row.add(time(f.submittedAt()));
        row.add(f.channel());
        row.add(f.workerGroup());
        row.add(f.category());
        row.add(f.division());
        row.add(f.enterprise());
        row.add(f.lead() == null ? null : f.lead().name() == null ? f.lead().id() : f.lead().name());
        row.add(time(f.assignedAt()));
        row.add(time(f.acceptedAt()));
        row.add(time(f.firstResponseAt()));
        row.add(f.responseWorkingMinutes());
        row.add(f.respondedWithinLimit());
        row.add(time(f.resolvedAt()));
        row.add(f.resolutionKind());
        row.add(f.resolutionWorkingMinutes());
        row.add(f.resolvedWithinLimit());
        row.add(f.solved());
        row.add(f.satisfaction());
        row.add(time(f.closedAt()));
        row.add(f.outcome());
        row.add(f.reopenCount());
        row.add(f.supervisions());
        row.add(f.yellowCards());
        row.add(f.redCards());
        row.add(f.extensionsApproved());
        row.add(remedy.moneyFen() == 0 ? null : BigDecimal.valueOf(remedy.moneyFen(), 2));
        row.add(remedy.claimPaid());
        row.add(remedy.accountReinstated());
        row.add(remedy.workersCovered() == 0 ? null : remedy.workersCovered());
        row.add(f.retaliationReported());
        return row;
    }

    private static LocalDateTime time(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, Contribution.BEIJING);
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof BigDecimal yuan ? yuan.toPlainString() : value.toString();
    }
}
