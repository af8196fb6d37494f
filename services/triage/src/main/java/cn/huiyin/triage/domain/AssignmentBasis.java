package cn.huiyin.triage.domain;

/** Why an assignment was made. */
public enum AssignmentBasis {
    /** The routing rules, when the grievance arrived. */
    RULES,
    /** The routing rules again after a return (退单后重新派单), without the organisations that returned it. */
    RE_ROUTED,
    /** The ruling (终审) of the organisation above the disputants; it binds. */
    RULING,
    /** A triage officer's re-routing (人工改派). */
    MANUAL_OVERRIDE
}
