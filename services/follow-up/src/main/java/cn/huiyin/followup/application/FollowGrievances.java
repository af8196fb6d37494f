package cn.huiyin.followup.application;

import java.time.Instant;

import cn.huiyin.followup.domain.casefile.Handling;
import cn.huiyin.followup.domain.clock.WorkingTime;

/**
 * Keeps each case file in step with what intake and triage say about the grievance: submission, classification,
 * assignment, sign-for, return, merge, the worker's supplement and withdrawal. Each event is one write of one case
 * file, and a repeated event changes nothing the second time.
 */
public class FollowGrievances {

    /** How much of the worker's description a worklist shows. */
    static final int SUMMARY_LENGTH = 80;

    private final CaseChanges changes;
    private final Organisations organisations;

    public FollowGrievances(CaseChanges changes, Organisations organisations) {
        this.changes = changes;
        this.organisations = organisations;
    }

    public void submitted(String grievanceId, Instant submittedAt, String workerRef, String workerGroup,
                          String platformOrEmployer, String divisionCode, boolean confidential, String category,
                          String description) {
        changes.record(grievanceId, submittedAt, c -> c.submitted(submittedAt, workerRef, workerGroup,
            platformOrEmployer, divisionCode, confidential, category, summary(description), changes.time()));
    }

    public void triaged(String grievanceId, Instant triagedAt, String category, String categoryName, String urgency,
                        String workerGroup, String divisionCode, Instant responseDueAt, Instant resolutionDueAt) {
        changes.record(grievanceId, triagedAt, c -> c.triaged(category, categoryName, urgency, workerGroup,
            divisionCode, responseDueAt, resolutionDueAt, triagedAt, changes.time()));
    }

    public void assigned(String grievanceId, AssignedGrievance a) {
        String hours = "URGENT".equals(a.urgency()) ? WorkingTime.ROUND_THE_CLOCK
            : organisations.officeHoursOf(a.lead().id());
        Handling handling = new Handling(a.lead(), a.coHandlers(), a.ancestors(), a.attempt(), a.assignedAt(), null,
            false);
        changes.record(grievanceId, a.assignedAt(), c -> c.assigned(handling, a.category(), a.categoryName(),
            a.urgency(), a.responseDueAt(), a.resolutionDueAt(), hours, changes.time()));
    }

    public void signedFor(String grievanceId, String organisationId, int attempt, Instant at) {
        changes.record(grievanceId, at, c -> c.signedFor(organisationId, attempt, at, changes.time()));
    }

    public void returned(String grievanceId, String organisationId, int attempt, boolean referredForRuling,
                         Instant at) {
        changes.record(grievanceId, at, c -> c.returned(organisationId, attempt, referredForRuling, at));
    }

    public void merged(String grievanceId, String into, Instant at) {
        changes.record(grievanceId, at, c -> c.merged(into, at, changes.time()));
    }

    public void supplemented(String grievanceId, Instant at) {
        changes.record(grievanceId, at, c -> c.supplemented(at, changes.time()));
    }

    public void withdrawn(String grievanceId, Instant at) {
        changes.record(grievanceId, at, c -> c.withdrawn(at, changes.time()));
    }

    static String summary(String description) {
        if (description == null) {
            return null;
        }
        String text = description.strip();
        return text.codePointCount(0, text.length()) <= SUMMARY_LENGTH ? text
            : text.substring(0, text.offsetByCodePoints(0, SUMMARY_LENGTH)) + "…";
    }
}
