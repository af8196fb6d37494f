package cn.huiyin.triage.domain;

/** What happened to a case after a return. */
public enum ReturnOutcome {
    /** Routed to the next organisation in line. */
    RE_ROUTED,
    /** Returned twice (or nobody else can take it): referred to the organisation above for a ruling (终审). */
    REFERRED_FOR_RULING
}
