package cn.huiyin.triage.domain;

/** What a person decided about a probable duplicate (疑似重复件). */
public enum DuplicateDecision {
    /** Flagged, nobody has decided yet. */
    OPEN,
    /** A person decided it is a separate matter. */
    KEPT_SEPARATE,
    /** A person merged it into the earlier grievance. */
    MERGED
}
