package cn.huiyin.triage.application;

/** The views of an organisation's inbox. */
public enum InboxView {
    /** Everything in the inbox. */
    ALL,
    /** Assigned to it as lead: waiting for sign-for or signed for (派给本单位). */
    ASSIGNED,
    /** Waiting for sign-for (待签收). */
    PENDING,
    /** Not signed for by the response deadline (超时未签收). */
    OVERDUE,
    /** Signed for, in hand (办理中). */
    ACCEPTED,
    /** Attached as co-handler (协办). */
    CO_HANDLING,
    /** Returned by this organisation, with where each went (已退单). */
    RETURNED,
    /** Awaiting this organisation's ruling (待终审). */
    RULING
}
