package cn.huiyin.followup.domain.casefile;

import java.time.Instant;

/**
 * What follow-up knows about the grievance itself, from intake's and triage's events (whichever arrives first): no
 * name, phone or ID number, only the worker's pseudonym.
 *
 * @param summary the beginning of the worker's description, for worklists
 */
public record GrievanceFacts(Instant submittedAt, String workerRef, String workerGroup, String platformOrEmployer,
                             String divisionCode, boolean confidential, String category, String categoryName,
                             String urgency, String summary) {

    public static final GrievanceFacts UNKNOWN = new GrievanceFacts(null, null, null, null, null, false, null, null,
        null, null);

    /** Intake's account: when, who (pseudonym), where, and what. */
    public GrievanceFacts submitted(Instant at, String workerRef, String workerGroup, String platformOrEmployer,
                                    String divisionCode, boolean confidential, String category, String summary) {
        return new GrievanceFacts(at, workerRef, workerGroup == null ? this.workerGroup : workerGroup,
            platformOrEmployer, divisionCode == null ? this.divisionCode : divisionCode, confidential,
            this.category == null ? category : this.category, categoryName, urgency, summary);
    }

    /** Triage's account: classification (which overrides the filer's category) and place. */
    public GrievanceFacts classified(String category, String categoryName, String urgency, String workerGroup,
                                     String divisionCode) {
        return new GrievanceFacts(submittedAt, workerRef, workerGroup == null ? this.workerGroup : workerGroup,
            platformOrEmployer, divisionCode == null ? this.divisionCode : divisionCode, confidential,
            category == null ? this.category : category, categoryName == null ? this.categoryName : categoryName,
            urgency == null ? this.urgency : urgency, summary);
    }

    public boolean isUrgent() {
        return "URGENT".equals(urgency);
    }
}
