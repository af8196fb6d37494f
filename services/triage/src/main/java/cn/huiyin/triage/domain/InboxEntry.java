package cn.huiyin.triage.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One case as it appears in one organisation's inbox (待办). Derived from the case; never edited on its own.
 *
 * @param dueAt the deadline that matters to this organisation now: the response deadline while it must still sign
 *              for (or rule), the resolution deadline once it handles or co-handles the case
 */
public record InboxEntry(String organisationId, String grievanceId, InboxStatus status, int attempt, String category,
                         String categoryName, Urgency urgency, boolean needsJointReview, Instant submittedAt,
                         Instant assignedAt, Instant responseDueAt, Instant resolutionDueAt, Instant dueAt,
                         String divisionCode, String summary, OrganisationRef currentLead) {

    public InboxEntry {
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(grievanceId, "grievanceId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** Why the case is in this organisation's inbox. */
    public enum InboxStatus {
        /** Assigned to it as lead, not yet signed for (待签收). */
        PENDING,
        /** Signed for, in hand (办理中). */
        ACCEPTED,
        /** Attached as co-handler (协办). */
        CO_HANDLING,
        /** It returned the case (已退单); the entry shows where the case is now. */
        RETURNED,
        /** It must rule who handles the case (待终审). */
        AWAITING_RULING
    }

    public boolean isOverdueToAccept(Instant now) {
        return status == InboxStatus.PENDING && responseDueAt != null && responseDueAt.isBefore(now);
    }
}
