package cn.huiyin.triage.domain;

import java.time.Instant;

/**
 * An organisation returned a case (退单), saying why; it went to the next organisation in line or, after the second
 * return, to the organisation above for a ruling. The deadlines do not move. Published as
 * {@code cn.huiyin.triage.AssignmentReturned.v1}.
 */
public record AssignmentReturned(String grievanceId, Instant returnedAt, int attempt, OrganisationRef organisation,
                                 ReturnReason reason, String explanation, String suggestedOrganisationId,
                                 int returnCount, ReturnOutcome outcome, OrganisationRef nextOrganisation,
                                 OrganisationRef rulingOrganisation) {
}
