package cn.huiyin.triage.domain;

/** Where a grievance stands in triage (分拨). */
public enum TriageState {
    /** Classified, but no organisation could be found: a triage officer must route it by hand. */
    TRIAGED("已分类，待人工派单", false),
    /** Routed to a lead organisation, waiting for it to sign for the case (待签收). */
    ASSIGNED("已派单，待签收", false),
    /** The lead organisation signed for it (已签收) and handles it. */
    ACCEPTED("已签收", false),
    /** Returned twice: the organisation above the disputants must rule who handles it (待终审). */
    AWAITING_RULING("退单争议，待上级终审", false),
    /** The worker withdrew it (已撤回). */
    WITHDRAWN("已撤回", true),
    /** Merged into another grievance of the same worker (已合并). */
    MERGED("已合并", true),
    /**
     * Imported from a city's earlier ledger as already closed there (台账已办结，仅存档): classified for the records,
     * never routed, never in an inbox (ADR 0025).
     */
    ARCHIVED("台账中已办结，仅存档", true);

    private final String nameZh;
    private final boolean closed;

    TriageState(String nameZh, boolean closed) {
        this.nameZh = nameZh;
        this.closed = closed;
    }

    public String nameZh() {
        return nameZh;
    }

    /** Closed cases take no further sign-for, return or routing. */
    public boolean isClosed() {
        return closed;
    }
}
