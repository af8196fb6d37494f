package cn.huiyin.followup.domain.supervision;

/** Why a case or action item was escalated (督办). */
public enum EscalationTrigger {
    /** The deadline passed (yellow card). */
    DEADLINE_BREACHED,
    /** Twice the allowed time passed (red card). */
    TWICE_THE_LIMIT,
    /** A supervisor's own 督办, with instructions and a reply deadline. */
    MANUAL,
    /** The worker was dissatisfied a second time: the case is reopened as a case the organisation above supervises. */
    SECOND_REOPEN,
    /** Reopened twice and still not satisfied: closed and escalated instead of reopened again. */
    DISSATISFIED_AFTER_REOPENS
}
