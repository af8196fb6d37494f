package cn.huiyin.triage.domain;

/** What grievances of a cluster (诉求集群) have in common besides their category. */
public enum ClusterKind {
    /** The same enterprise (同一企业). */
    ENTERPRISE,
    /** The same street (同一街道), or district when no street is known. */
    PLACE
}
