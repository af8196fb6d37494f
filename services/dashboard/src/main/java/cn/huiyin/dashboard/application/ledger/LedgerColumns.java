package cn.huiyin.dashboard.application.ledger;

import java.util.ArrayList;
import java.util.List;

import cn.huiyin.dashboard.domain.fact.CaseFact;
import cn.huiyin.dashboard.domain.fact.Remedy;

/**
 * The case ledger (台账): one row per grievance with its place, stages, durations, outcome and remedy. The dashboard
 * holds no personal data, so the ledger has no name, phone or ID column at all (nothing to mask); the tracking number
 * leads staff to the worker in intake, where reading the contact is audited.
 */
final class LedgerColumns {

    static final List<String> HEADER = List.of("编号 Grievance", "受理时间 Submitted", "渠道 Channel",
        "从业群体 Worker group", "诉求类别 Category", "区 District", "街道 Street", "社区 Community", "企业 Enterprise",
        "承办单位 Lead", "承办单位编号 Lead id", "分派时间 Assigned", "签收时间 Signed for", "首次响应 First response",
        "响应用时(工作小时) Response hours", "按时响应 Responded on time", "办结时间 Resolved",
        "办结用时(工作小时) Resolution hours", "超期 Overdue", "办理结论 Conclusion", "回访·是否解决 Solved",
        "回访·满意度 Satisfaction", "结案时间 Closed", "结案类型 Outcome", "重办次数 Reopens", "退单次数 Returns",
        "获批延期 Extensions", "督办次数 Supervisions", "黄牌 Yellow cards", "红牌 Red cards", "联席会商 Joint meetings",
        "追回金额(元) Money recovered (yuan)", "已理赔 Claim paid", "账号恢复 Account reinstated",
        "罚款撤销 Penalty withdrawn", "新增车位 Parking spaces", "惠及人数 Workers covered", "遭报复报告 Retaliation reported");

    private LedgerColumns() {
    }

    static List<Object> row(CaseFact f) {
        String division = f.division();
        Remedy remedy = f.remedy() == null ? Remedy.NONE : f.remedy();
        List<Object> row = new ArrayList<>(HEADER.size());
        row.add(f.grievanceId());
        row.add(f.submittedAt());
        row.add(f.channel());
        row.add(f.workerGroup());
        row.add(f.category());
        row.add(part(division, 6));
        row.add(part(division, 9));
        row.add(part(division, 12));
        row.add(f.enterprise());
        row.add(f.lead() == null ? null : f.lead().name());
        row.add(f.lead() == null ? null : f.lead().id());
        row.add(f.assignedAt());
        row.add(f.acceptedAt());
        row.add(f.firstResponseAt());
        row.add(hours(f.responseWorkingMinutes()));
        row.add(f.respondedWithinLimit());
        row.add(f.resolvedAt());
        row.add(hours(f.resolutionWorkingMinutes()));
        row.add(f.isOverdue());
        row.add(f.resolutionKind());
        row.add(f.solved());
        row.add(f.satisfaction());
        row.add(f.closedAt());
        row.add(f.outcome());
        row.add(f.reopenCount());
        row.add(f.returnCount());
        row.add(f.extensionsApproved());
        row.add(f.supervisions());
        row.add(f.yellowCards());
        row.add(f.redCards());
        row.add(f.meetings());
        row.add(remedy.moneyFen() == 0 ? null : java.math.BigDecimal.valueOf(remedy.moneyFen(), 2));
        row.add(remedy.claimPaid() ? Boolean.TRUE : null);
        row.add(remedy.accountReinstated() ? Boolean.TRUE : null);
        row.add(remedy.penaltyWithdrawn() ? Boolean.TRUE : null);
        row.add(remedy.parkingSpacesAdded() == 0 ? null : remedy.parkingSpacesAdded());
        row.add(remedy.workersCovered() == 0 ? null : remedy.workersCovered());
        row.add(Boolean.TRUE.equals(f.retaliationReached()) ? f.retaliationReported() : null);
        return row;
    }

    private static String part(String division, int length) {
        return division != null && division.length() >= length ? division.substring(0, length) : null;
    }

    private static Double hours(Integer minutes) {
        return minutes == null ? null : Math.round(minutes / 6.0) / 10.0;
    }
}
