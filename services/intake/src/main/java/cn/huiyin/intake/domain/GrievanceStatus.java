package cn.huiyin.intake.domain;

/** Where a grievance stands, as intake tells the worker. */
public enum GrievanceStatus {
    /** 已受理: accepted, waiting for triage. */
    SUBMITTED,
    /** 已撤回: the worker withdrew it. */
    WITHDRAWN
}
