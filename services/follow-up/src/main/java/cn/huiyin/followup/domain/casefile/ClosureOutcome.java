package cn.huiyin.followup.domain.casefile;

/**
 * How a case closed, kept apart: "resolved", "satisfied" and "closed but unresolved" are separate numbers, never one
 * "done".
 */
public enum ClosureOutcome {
    /** Resolved (or partly), and the worker is satisfied or basically satisfied. */
    RESOLVED_AND_SATISFIED,
    /** Resolved, but the worker is dissatisfied (for reasons not the unit's, or after two reopens). */
    RESOLVED_BUT_DISSATISFIED,
    /** Could not be resolved; the worker was given the explanation. */
    UNRESOLVED_WITH_EXPLANATION,
    /** The worker could not be reached in three attempts. */
    UNREACHABLE,
    /** The worker withdrew the grievance (撤回). */
    WITHDRAWN,
    /** Merged into another grievance of the same worker (合并). */
    MERGED
}
