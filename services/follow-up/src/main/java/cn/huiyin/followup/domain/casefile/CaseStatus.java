package cn.huiyin.followup.domain.casefile;

/** Where a case stands in follow-up (案件状态). Every change of status ends a stage whose duration is recorded. */
public enum CaseStatus {
    /** Known from intake or triage, not yet assigned to an organisation (待分派). */
    NEW("待分派", "awaiting assignment"),
    /** Assigned, not yet signed for (待签收). */
    ASSIGNED("待签收", "awaiting sign-for"),
    /** Signed for, the worker not yet contacted (待联系). */
    SIGNED_FOR("已签收待联系", "signed for, worker not yet contacted"),
    /** The worker was contacted; being handled (办理中). */
    IN_PROGRESS("办理中", "in progress"),
    /** Waiting for material from the worker; the resolution clock stands still (等待补充材料). */
    WAITING_FOR_WORKER("等待补充材料", "waiting for the worker's material"),
    /** Resolved, awaiting the callback (待回访). */
    RESOLVED("已办理待回访", "resolved, awaiting callback"),
    /** Closed with an outcome (已结案). */
    CLOSED("已结案", "closed");

    private final String nameZh;
    private final String nameEn;

    CaseStatus(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    /** Handled by an organisation now: signed-for work that is not finished. */
    public boolean isBeingHandled() {
        return this == IN_PROGRESS || this == WAITING_FOR_WORKER;
    }

    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
