package cn.huiyin.jointmeeting.domain.meeting;

/** What an agenda item takes up. */
public enum AgendaItemKind {
    /** One or more review requests from the queue: the grievances they hold are decided on. */
    REVIEW_REQUESTS,
    /** An earlier decision whose review date has come: did it work (成效评估)? */
    EFFECTIVENESS_REVIEW
}
