package cn.huiyin.triage.domain;

import java.time.Instant;

/**
 * The lead organisation signed for a case (签收). Published as {@code cn.huiyin.triage.AssignmentAccepted.v1}.
 *
 * @param late signed for after the response deadline
 */
public record AssignmentAccepted(String grievanceId, Instant acceptedAt, int attempt, OrganisationRef organisation,
                                 Instant responseDueAt, boolean late) {
}
