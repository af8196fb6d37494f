package cn.huiyin.jointmeeting.domain.review;

/** Why a review request exists. */
public enum ReviewSource {
    /** Several grievances of one category against one enterprise or in one place (诉求集群), per triage. */
    CLUSTER,
    /** One case triage's rules or an officer flagged for joint review. */
    FLAGGED,
    /** The organisation handling a case asked for a joint review because it cannot solve it alone (提请会商). */
    ESCALATION
}
