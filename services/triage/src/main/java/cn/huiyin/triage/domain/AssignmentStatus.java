package cn.huiyin.triage.domain;

/** Where one assignment (派单) of a case stands. */
public enum AssignmentStatus {
    /** 待签收. */
    PENDING,
    /** 已签收. */
    ACCEPTED,
    /** 已退单. */
    RETURNED,
    /** Replaced by a triage officer's re-routing (改派). */
    SUPERSEDED,
    /** The case was withdrawn or merged. */
    CANCELLED
}
