package cn.huiyin.dashboard.domain.metric;

import java.util.Arrays;
import java.util.Optional;

import cn.huiyin.dashboard.domain.cell.Basis;
import cn.huiyin.dashboard.domain.cell.CellGroup;
import cn.huiyin.dashboard.domain.cell.Counter;
import cn.huiyin.dashboard.domain.cell.TimeHistogram;

/**
 * The dashboard's figures, each defined once here — what it counts, over what, what it leaves out and which date it
 * is counted by — and written out for people in {@code docs/metrics.md} and by {@code GET /api/dashboard/metrics}.
 * Resolved, satisfied and closed-unresolved are separate figures; none is folded into another.
 *
 * <p>Every figure's numerator and denominator is a {@link Counter}, a number each case contributes; the cases behind a
 * figure ({@code GET /api/dashboard/cases}) are the cases whose contribution holds that counter, so the list's length
 * is the figure's numerator or denominator (for sums: the cases with a non-zero amount).
 */
public enum Metric {

    RECEIVED("received", Kind.COUNT, Counter.RECEIVED, null,
        "受理量", "grievances received",
        "受理的诉求件数（含撤回、合并件及台账已办结件）", "grievances accepted by intake, withdrawn, merged and closed-in-ledger ones included",
        "无", "none"),
    WITHDRAWN("withdrawn", Kind.COUNT, Counter.WITHDRAWN, null,
        "撤回件数", "withdrawn", "职工撤回的诉求件数", "grievances the worker withdrew", "无", "none"),
    MERGED("merged", Kind.COUNT, Counter.MERGED, null,
        "合并件数", "merged", "作为重复件合并入其他诉求的件数", "grievances merged into another as duplicates", "无", "none"),
    CLOSED_IN_LEDGER("closedInLedger", Kind.COUNT, Counter.CLOSED_IN_LEDGER, null,
        "台账已办结件数", "closed in an earlier ledger",
        "从原有台账导入、导入前已在台账中办结的件，按台账登记日期计入受理量；回音未经手其办理，不计入任何比率",
        "grievances imported from a city's earlier ledger that the ledger had already closed, counted as received on "
            + "the day the ledger registered them; Huiyin saw none of their handling, so they are in no rate",
        "无", "none"),
    OPEN("open", Kind.COUNT, Counter.OPEN, null,
        "未结案件数", "open", "尚未结案的有效件", "valid grievances not yet closed", "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    CLOSURE_RATE("closureRate", Kind.RATE, Counter.CLOSED, Counter.VALID,
        "办结率", "closure rate",
        "已结案件数 ÷ 有效受理件数；结案指回访后以“已解决且满意”“已解决但不满意”“未解决并已说明”“联系不上”之一结案",
        "closed ÷ valid grievances received; closed means closed after the callback as resolved and satisfied, resolved "
            + "but dissatisfied, unresolved with an explanation, or unreachable",
        "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    ON_TIME_CLOSURE_RATE("onTimeClosureRate", Kind.RATE, Counter.CLOSED_ON_TIME, Counter.CLOSURE_DUE,
        "按时办结率", "on-time closure rate",
        "按时结案件数 ÷（已结案件数 + 超期未结案件数）；超期指办理时限已过（督办“超期”事件）或办结时已超时限。未结且未超期的件不计入，"
            + "超期未结件计入分母，不结案不能显得按时",
        "closed on time ÷ (closed + open overdue); overdue means a resolution limit passed unmet (a breach, or resolved "
            + "after the deadline). Open cases still within their limit are left out; open overdue ones count against "
            + "the unit, so a unit cannot look punctual by not closing",
        "撤回件、合并件、台账已办结件；未超期的未结件", "withdrawn, merged and closed in a ledger; open cases still within their limit"),
    OPEN_OVERDUE("openOverdue", Kind.COUNT, Counter.OPEN_OVERDUE, null,
        "超期未结件数", "open overdue", "办理时限已过仍未结案的有效件", "valid cases past a resolution limit and not closed",
        "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    RESPONSE_RATE("responseRate", Kind.RATE, Counter.RESPONDED_ON_TIME, Counter.RESPONSE_DUE,
        "响应率", "response rate",
        "按时响应件数 ÷ 应响应件数；应响应 = 已首次联系职工的件 + 响应时限已过仍未联系的件",
        "first responses within the limit ÷ responses due; due = cases whose worker was contacted, plus cases whose "
            + "response limit passed without contact",
        "撤回件、合并件、台账已办结件；响应时限未到且未联系的件", "withdrawn, merged and closed in a ledger; cases still within the response limit, not contacted"),
    RESOLVED("resolved", Kind.COUNT, Counter.RESOLVED, null,
        "已办结件数", "resolved (handled)", "承办单位已作出办理结论（已解决、部分解决或无法解决）的件",
        "cases whose lead concluded its handling (resolved, partly resolved or cannot resolve)",
        "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    RESOLVED_FULLY("resolvedFully", Kind.COUNT, Counter.RESOLVED_FULLY, null,
        "办理结论为已解决", "concluded as resolved", "最近一次办理结论为“已解决”的件", "latest conclusion RESOLVED",
        "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    RESOLVED_PARTLY("resolvedPartly", Kind.COUNT, Counter.RESOLVED_PARTLY, null,
        "办理结论为部分解决", "concluded as partly resolved", "最近一次办理结论为“部分解决”的件",
        "latest conclusion PARTLY_RESOLVED", "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    CANNOT_RESOLVE("cannotResolve", Kind.COUNT, Counter.CANNOT_RESOLVE, null,
        "办理结论为无法解决", "concluded as cannot resolve", "最近一次办理结论为“无法解决”的件",
        "latest conclusion CANNOT_RESOLVE", "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    RESOLUTION_RATE("resolutionRate", Kind.RATE, Counter.SOLVED, Counter.ANSWERED,
        "解决率", "resolution rate",
        "回访中职工答“已解决”的件数 ÷ 回答了“是否解决”的件数（每件以最近一次回答为准；“部分解决”“未解决”另列）",
        "cases the worker called solved (YES) at the callback ÷ cases whose worker answered \"solved?\" (the latest "
            + "answer per case; PARTLY and NO are shown apart)",
        "撤回件、合并件、台账已办结件；未联系上或未回答的件", "withdrawn, merged and closed in a ledger; cases not reached or not answering"),
    PARTLY_SOLVED("partlySolved", Kind.COUNT, Counter.PARTLY_SOLVED, null,
        "回访答部分解决", "called partly solved", "回访最近一次答“部分解决”的件", "latest callback answer PARTLY",
        "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    NOT_SOLVED("notSolved", Kind.COUNT, Counter.NOT_SOLVED, null,
        "回访答未解决", "called not solved", "回访最近一次答“未解决”的件", "latest callback answer NO",
        "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    SATISFACTION_RATE("satisfactionRate", Kind.RATE, Counter.SATISFIED_OR_BASICALLY, Counter.RATED,
        "满意率", "satisfaction rate",
        "（满意 + 基本满意）件数 ÷ 参评件数（每件以最近一次评价为准）",
        "(satisfied + basically satisfied) ÷ cases rated (the latest rating per case)",
        "撤回件、合并件、台账已办结件；未评价的件", "withdrawn, merged and closed in a ledger; cases not rated"),
    SATISFACTION_SCORE("satisfactionScore", Kind.SCORE, Counter.SATISFACTION_POINTS, Counter.RATED,
        "满意度加权得分", "weighted satisfaction score",
        "（满意×1.0 + 基本满意×0.8 + 不满意×0）÷ 参评件数，0–100 分",
        "(satisfied × 1.0 + basically satisfied × 0.8 + dissatisfied × 0) ÷ cases rated, 0–100",
        "撤回件、合并件、台账已办结件；未评价的件", "withdrawn, merged and closed in a ledger; cases not rated"),
    SATISFIED("satisfied", Kind.COUNT, Counter.SATISFIED, null,
        "满意", "satisfied", "最近一次评价为满意的件", "latest rating SATISFIED", "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    BASICALLY_SATISFIED("basicallySatisfied", Kind.COUNT, Counter.BASICALLY_SATISFIED, null,
        "基本满意", "basically satisfied", "最近一次评价为基本满意的件", "latest rating BASICALLY_SATISFIED",
        "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    DISSATISFIED("dissatisfied", Kind.COUNT, Counter.DISSATISFIED, null,
        "不满意", "dissatisfied", "最近一次评价为不满意的件", "latest rating DISSATISFIED", "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    RESOLVED_AND_SATISFIED("closedResolvedSatisfied", Kind.COUNT, Counter.RESOLVED_AND_SATISFIED, null,
        "结案：已解决且满意", "closed resolved and satisfied", "以“已解决且满意”结案的件", "closed RESOLVED_AND_SATISFIED",
        "无", "none"),
    RESOLVED_BUT_DISSATISFIED("closedResolvedDissatisfied", Kind.COUNT, Counter.RESOLVED_BUT_DISSATISFIED, null,
        "结案：已解决但不满意", "closed resolved but dissatisfied", "以“已解决但不满意”结案的件",
        "closed RESOLVED_BUT_DISSATISFIED", "无", "none"),
    UNRESOLVED_WITH_EXPLANATION("closedUnresolved", Kind.COUNT, Counter.UNRESOLVED_WITH_EXPLANATION, null,
        "结案：未解决（已说明）", "closed unresolved (explained)", "以“未解决并已向职工说明”结案的件",
        "closed UNRESOLVED_WITH_EXPLANATION", "无", "none"),
    UNREACHABLE("closedUnreachable", Kind.COUNT, Counter.UNREACHABLE, null,
        "结案：联系不上", "closed unreachable", "三次回访未联系上而结案的件", "closed UNREACHABLE after three unanswered calls",
        "无", "none"),
    RETURN_RATE("returnRate", Kind.RATE, Counter.RETURNED, Counter.ASSIGNED,
        "退单率", "return rate",
        "被退单过的件数 ÷ 已分派件数；按单位分列时为该单位退回的件数 ÷ 曾分派给该单位的件数",
        "cases returned at least once ÷ cases assigned; per organisation: cases it returned ÷ cases ever assigned to it",
        "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    REOPEN_RATE("reopenRate", Kind.RATE, Counter.REOPENED, Counter.RESOLVED,
        "重办率", "reopen rate", "重办过的件数 ÷ 已办结件数", "cases reopened at least once ÷ cases resolved",
        "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    EXTENSION_RATE("extensionRate", Kind.RATE, Counter.EXTENDED, Counter.ASSIGNED,
        "延期率", "extension rate", "获批延期的件数 ÷ 已分派件数", "cases with an approved extension ÷ cases assigned",
        "撤回件、合并件、台账已办结件；未获批的申请", "withdrawn, merged and closed in a ledger; refused requests"),
    SUPERVISED("supervised", Kind.COUNT, Counter.SUPERVISED, null,
        "督办件数", "supervised cases", "发出过督办（人工督办、黄牌、红牌、二次重办）的件", "cases with at least one supervision "
            + "(a supervisor's own, a yellow or red card, a second reopen)", "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    YELLOW_CARDS("yellowCards", Kind.COUNT, Counter.YELLOW_CARD, null,
        "黄牌件数", "cases with a yellow card", "时限已过被黄牌督办的件", "cases yellow-carded at a breached limit",
        "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    RED_CARDS("redCards", Kind.COUNT, Counter.RED_CARD, null,
        "红牌件数", "cases with a red card", "超时达两倍时限被红牌督办的件", "cases red-carded at twice a limit",
        "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    JOINTLY_REVIEWED("jointlyReviewed", Kind.COUNT, Counter.JOINTLY_REVIEWED, null,
        "联席会商件数", "jointly reviewed", "联席会议作出决定或交办任务的件", "cases a joint meeting decided on or assigned "
            + "an action item for", "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    RESPONSE_TIME_MEDIAN("responseHoursMedian", Kind.QUANTILE, Counter.RESPONDED, null,
        "响应用时中位数（工作小时）", "median response time (working hours)",
        "从受理到首次联系职工的工作时长的中位数，按直方图分桶线性插值", "median working time from submission to first contact, "
            + "interpolated within histogram buckets", "撤回件、合并件、台账已办结件；未响应的件", "withdrawn, merged and closed in a ledger; cases not responded"),
    RESPONSE_TIME_P90("responseHoursP90", Kind.QUANTILE, Counter.RESPONDED, null,
        "响应用时第90百分位（工作小时）", "90th percentile response time (working hours)",
        "从受理到首次联系职工的工作时长的第90百分位", "90th percentile of working time from submission to first contact",
        "撤回件、合并件、台账已办结件；未响应的件", "withdrawn, merged and closed in a ledger; cases not responded"),
    RESOLUTION_TIME_MEDIAN("resolutionHoursMedian", Kind.QUANTILE, Counter.RESOLVED, null,
        "办结用时中位数（工作小时）", "median resolution time (working hours)",
        "从受理到最近一次办结的工作时长（不含等待职工补充材料）的中位数", "median working time from submission to the latest "
            + "resolution, waiting for the worker's material excluded", "撤回件、合并件、台账已办结件；未办结的件",
        "withdrawn, merged and closed in a ledger; cases not resolved"),
    RESOLUTION_TIME_P90("resolutionHoursP90", Kind.QUANTILE, Counter.RESOLVED, null,
        "办结用时第90百分位（工作小时）", "90th percentile resolution time (working hours)",
        "从受理到最近一次办结的工作时长的第90百分位", "90th percentile of working time from submission to the latest resolution",
        "撤回件、合并件、台账已办结件；未办结的件", "withdrawn, merged and closed in a ledger; cases not resolved"),
    CLOSED_IN_PERIOD("closedInPeriod", Kind.COUNT, Counter.CLOSED_IN_PERIOD, null,
        "本期结案件数", "closed in the period", "结案日期在本期的件（按结案日期计）", "cases closed within the period "
            + "(counted by closure date)", "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    MONEY_RECOVERED("moneyRecoveredYuan", Kind.MONEY, Counter.MONEY_RECOVERED_FEN, null,
        "追回金额（元）", "money recovered (yuan)", "结案时记录的追回工资、赔偿、理赔款合计（按结案日期计）；明细为追回金额大于零的件",
        "wages, compensation and claims recovered, as recorded at closure (by closure date); the cases behind it are "
            + "those with an amount above zero", "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    CLAIMS_PAID("claimsPaid", Kind.COUNT, Counter.CLAIMS_PAID, null,
        "保险已理赔件数", "insurance claims paid", "结案时记录保险已理赔的件（按结案日期计）", "cases closed with an insurance "
            + "claim paid (by closure date)", "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    ACCOUNTS_REINSTATED("accountsReinstated", Kind.COUNT, Counter.ACCOUNTS_REINSTATED, null,
        "账号恢复件数", "accounts reinstated", "结案时记录平台账号已解封的件（按结案日期计）", "cases closed with a platform "
            + "account reinstated (by closure date)", "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    PENALTIES_WITHDRAWN("penaltiesWithdrawn", Kind.COUNT, Counter.PENALTIES_WITHDRAWN, null,
        "罚款撤销件数", "penalties withdrawn", "结案时记录罚款已撤销的件（按结案日期计）", "cases closed with a penalty "
            + "withdrawn (by closure date)", "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    PARKING_SPACES_ADDED("parkingSpacesAdded", Kind.SUM, Counter.PARKING_SPACES, null,
        "新增车位", "parking spaces added", "结案时记录的新增车位合计（按结案日期计）", "parking spaces added, as recorded at "
            + "closure (by closure date)", "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    WORKERS_COVERED("workersCovered", Kind.SUM, Counter.WORKERS_COVERED, null,
        "惠及职工人数", "workers covered", "结案时记录的措施惠及职工人数合计（按结案日期计）；明细为人数大于零的件",
        "workers the measures cover, as recorded at closure (by closure date); the cases behind it are those with a "
            + "number above zero", "撤回件、合并件、台账已办结件", "withdrawn, merged and closed in a ledger"),
    RETALIATION_REPORTS("retaliationReports", Kind.COUNT, Counter.RETALIATION_REPORTED, null,
        "结案后遭报复报告件数", "retaliation reported after closure", "结案30日后打击报复回访中职工报告遭报复的件（按结案日期计）",
        "cases whose worker reported retaliation at the check 30 days after closure (by closure date)", "未联系上的回访",
        "checks that did not reach the worker"),
    RETALIATION_RATE("retaliationRate", Kind.RATE, Counter.RETALIATION_REPORTED, Counter.RETALIATION_CHECKED,
        "遭报复报告率", "retaliation report rate", "报告遭报复的件数 ÷ 联系上的报复回访件数（按结案日期计）",
        "retaliation reported ÷ retaliation checks that reached the worker (by closure date)", "未联系上的回访",
        "checks that did not reach the worker");

    /** How a figure is computed from its counters. */
    public enum Kind {
        /** The numerator's count of cases. */
        COUNT,
        /** Numerator ÷ denominator, as a percentage. */
        RATE,
        /** Points ÷ cases, 0–100. */
        SCORE,
        /** A sum of amounts (the numerator counter is a sum). */
        SUM,
        /** A sum of fen shown as yuan. */
        MONEY,
        /** A quantile of a working-time histogram over the numerator's cases. */
        QUANTILE
    }

    private final String code;
    private final Kind kind;
    private final Counter numerator;
    private final Counter denominator;
    private final String nameZh;
    private final String nameEn;
    private final String definitionZh;
    private final String definitionEn;
    private final String exclusionsZh;
    private final String exclusionsEn;

    Metric(String code, Kind kind, Counter numerator, Counter denominator, String nameZh, String nameEn,
           String definitionZh, String definitionEn, String exclusionsZh, String exclusionsEn) {
        this.code = code;
        this.kind = kind;
        this.numerator = numerator;
        this.denominator = denominator;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.definitionZh = definitionZh;
        this.definitionEn = definitionEn;
        this.exclusionsZh = exclusionsZh;
        this.exclusionsEn = exclusionsEn;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** The counter of the figure's numerator; for a per-organisation breakdown of the return rate, the unit's own. */
    public Counter numerator(CellGroup group) {
        return this == RETURN_RATE && group == CellGroup.ORG ? Counter.RETURNED_BY : numerator;
    }

    /** The counter of the denominator, or null for a count, sum or quantile. */
    public Counter denominator(CellGroup group) {
        return this == RETURN_RATE && group == CellGroup.ORG ? Counter.ASSIGNED_TO : denominator;
    }

    public Basis basis() {
        return numerator.basis();
    }

    /** For a quantile: its histogram. */
    public TimeHistogram histogram() {
        return switch (this) {
            case RESPONSE_TIME_MEDIAN, RESPONSE_TIME_P90 -> TimeHistogram.RESPONSE;
            case RESOLUTION_TIME_MEDIAN, RESOLUTION_TIME_P90 -> TimeHistogram.RESOLUTION;
            default -> null;
        };
    }

    double quantile() {
        return this == RESPONSE_TIME_P90 || this == RESOLUTION_TIME_P90 ? 0.9 : 0.5;
    }

    /**
     * The counter whose cases are behind the numerator in a drill-down: for sums, the cases with a non-zero amount.
     */
    public Counter numeratorCases(CellGroup group) {
        return switch (this) {
            case MONEY_RECOVERED -> Counter.MONEY_RECOVERED_CASES;
            case WORKERS_COVERED -> Counter.WORKERS_COVERED_CASES;
            case SATISFACTION_SCORE -> Counter.SATISFIED_OR_BASICALLY;
            default -> numerator(group);
        };
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public String definitionZh() {
        return definitionZh;
    }

    public String definitionEn() {
        return definitionEn;
    }

    public String exclusionsZh() {
        return exclusionsZh;
    }

    public String exclusionsEn() {
        return exclusionsEn;
    }

    public static Optional<Metric> byCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
