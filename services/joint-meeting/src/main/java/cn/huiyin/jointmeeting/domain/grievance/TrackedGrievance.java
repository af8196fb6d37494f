package cn.huiyin.jointmeeting.domain.grievance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;

/**
 * Joint-meeting's own record of a triage case (分拨), kept from triage's events: what the case is about and where
 * (for the effectiveness check of a decision), which worker group and enterprises it involves (for the queue), and
 * who handles it and has signed for it (only they may escalate it to a joint review). Each change tolerates a replay
 * of the event that caused it: an older classification or assignment never overwrites a newer one.
 *
 * @param triagedAt when triage first classified it; the complaint is counted on that day
 * @param revision  the classification's revision; the highest wins
 * @param attempt   the assignment's attempt number; 0 before the first
 * @param accepted  whether the current lead has signed for it (签收)
 */
public record TrackedGrievance(String grievanceId, String category, String categoryName, String divisionCode,
                               String workerGroup, Instant triagedAt, int revision, OrganisationRef lead,
                               List<OrganisationRef> coHandlers, int attempt, boolean accepted, String mergedInto) {

    public TrackedGrievance {
        Objects.requireNonNull(grievanceId, "grievanceId");
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
    }

    public static TrackedGrievance unknown(String grievanceId) {
        return new TrackedGrievance(grievanceId, null, null, null, null, null, 0, null, List.of(), 0, false, null);
    }

    /** Triage classified (or re-classified) it. */
    public TrackedGrievance triaged(int newRevision, String newCategory, String newCategoryName, String newDivisionCode,
                                    String newWorkerGroup, Instant at) {
        if (newRevision <= revision) {
            return this;
        }
        Instant first = triagedAt == null || at.isBefore(triagedAt) ? at : triagedAt;
        return new TrackedGrievance(grievanceId, newCategory, newCategoryName,
            newDivisionCode == null ? divisionCode : newDivisionCode, newWorkerGroup == null ? workerGroup : newWorkerGroup,
            first, newRevision, lead, coHandlers, attempt, accepted, mergedInto);
    }

    /** Triage assigned it (派单), first or again. */
    public TrackedGrievance assigned(int newAttempt, OrganisationRef newLead, List<OrganisationRef> newCoHandlers) {
        if (newAttempt <= attempt) {
            return this;
        }
        return new TrackedGrievance(grievanceId, category, categoryName, divisionCode, workerGroup, triagedAt, revision,
            newLead, newCoHandlers, newAttempt, false, mergedInto);
    }

    /** The lead signed for it (签收). */
    public TrackedGrievance accepted(int ofAttempt, String organisationId) {
        if (ofAttempt != attempt || lead == null || !lead.id().equals(organisationId)) {
            return this;
        }
        return new TrackedGrievance(grievanceId, category, categoryName, divisionCode, workerGroup, triagedAt, revision,
            lead, coHandlers, attempt, true, mergedInto);
    }

    /** The lead returned it (退单): nobody handles it until triage assigns it again. */
    public TrackedGrievance returned(int ofAttempt) {
        if (ofAttempt != attempt || lead == null) {
            return this;
        }
        return new TrackedGrievance(grievanceId, category, categoryName, divisionCode, workerGroup, triagedAt, revision,
            null, List.of(), attempt, false, mergedInto);
    }

    public TrackedGrievance merged(String into) {
        return new TrackedGrievance(grievanceId, category, categoryName, divisionCode, workerGroup, triagedAt, revision,
            lead, coHandlers, attempt, accepted, into);
    }

    /** Whether {@code organisationId} leads this case and has signed for it: only then may it escalate it. */
    public boolean isHandledBy(String organisationId) {
        return organisationId != null && mergedInto == null && lead != null && lead.id().equals(organisationId) && accepted;
    }

    /** Whether {@code organisationId} works on this case at all, as lead or co-handler. */
    public boolean involves(String organisationId) {
        return organisationId != null && ((lead != null && lead.id().equals(organisationId))
            || coHandlers.stream().anyMatch(org -> org.id().equals(organisationId)));
    }

    /** The platform firms involved, as triage named them (never for a worker who asked for confidentiality). */
    public List<OrganisationRef> enterprises() {
        return coHandlers.stream().filter(org -> "ENTERPRISE".equals(org.type())).toList();
    }
}
