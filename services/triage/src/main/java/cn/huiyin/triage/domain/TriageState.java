package cn.huiyin.triage.domain;

/** Where a grievance stands in triage (分拨). */
public enum TriageState {
    /** Received from intake and classified; not yet routed. */
    TRIAGED
}
