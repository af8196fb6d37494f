package cn.huiyin.intake.domain;

/**
 * A stage of the case after sign-for that the worker is told of (跟踪督办 as the worker sees it), from follow-up's
 * events: the history step it writes and where the grievance stands after it ({@code null}: where it stood).
 */
public enum FollowUpStage {
    /** 先行联系: the handler contacted the worker. */
    CONTACTED(Progress.Step.CONTACTED, GrievanceStatus.IN_PROGRESS),
    /** 办理进展, also when the worker's material arrived. */
    IN_PROGRESS(Progress.Step.PROGRESS, GrievanceStatus.IN_PROGRESS),
    /** 补充材料: the worker is asked for material ({@code materials}, by {@code due}). */
    WAITING_FOR_MATERIAL(Progress.Step.MATERIAL_REQUESTED, GrievanceStatus.WAITING_FOR_MATERIAL),
    /** 已办理 with its kind and remedy. */
    RESOLVED(Progress.Step.RESOLVED, GrievanceStatus.RESOLVED),
    /** 回访: the callback centre called. */
    CALLED_BACK(Progress.Step.CALLED_BACK, null),
    /** 重办: not solved or dissatisfied, handled again until {@code due}. */
    REOPENED(Progress.Step.REOPENED, GrievanceStatus.IN_PROGRESS),
    /** 延期 approved: the new deadline {@code due}; the citizen is told. */
    EXTENDED(Progress.Step.EXTENDED, null),
    /** 办结 with its outcome. */
    CLOSED(Progress.Step.CLOSED, GrievanceStatus.CLOSED);

    private final Progress.Step step;
    private final GrievanceStatus statusAfter;

    FollowUpStage(Progress.Step step, GrievanceStatus statusAfter) {
        this.step = step;
        this.statusAfter = statusAfter;
    }

    Progress.Step step() {
        return step;
    }

    GrievanceStatus statusAfter() {
        return statusAfter;
    }
}
