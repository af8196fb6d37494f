package cn.huiyin.intake.domain;

/** Where a grievance stands, as intake tells the worker (办理进度). */
public enum GrievanceStatus {
    /** 已受理: accepted, waiting for triage to route it. */
    SUBMITTED("已受理", "Accepted"),
    /** 已分派: routed to the organisation responsible; waiting for it to sign for the case. */
    ASSIGNED("已分派", "Assigned"),
    /** 办理中: the responsible organisation signed for it (签收) and is working on it. */
    IN_PROGRESS("办理中", "In progress"),
    /** 待补充材料: the handler asked the worker for material; the clock stands still until it comes. */
    WAITING_FOR_MATERIAL("待补充材料", "Waiting for your material"),
    /** 已办理: the handler gave its answer; the callback centre will ask the worker whether it was solved. */
    RESOLVED("已办理，待回访", "Handled, callback to come"),
    /** 已办结: closed after the callback (its outcome is kept apart: satisfied, dissatisfied, unreachable...). */
    CLOSED("已办结", "Closed"),
    /** 已撤回: the worker withdrew it. */
    WITHDRAWN("已撤回", "Withdrawn"),
    /** 已合并: a duplicate, followed under another tracking number. */
    MERGED("已合并", "Merged");

    private final String zh;
    private final String en;

    GrievanceStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** Open grievances can still be supplemented or withdrawn. */
    public boolean isOpen() {
        return this == SUBMITTED || this == ASSIGNED || this == IN_PROGRESS || this == WAITING_FOR_MATERIAL;
    }

    /** Signed for and in follow-up's hands: triage's news (a late assignment or sign-for) does not move it back. */
    public boolean isBeingHandled() {
        return this == IN_PROGRESS || this == WAITING_FOR_MATERIAL || this == RESOLVED;
    }
}
