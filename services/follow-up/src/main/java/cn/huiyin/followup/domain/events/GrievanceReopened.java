package cn.huiyin.followup.domain.events;

import java.time.Instant;

import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.followup.domain.casefile.ReopenReason;

/**
 * 重办: the worker was not satisfied for a reason the organisation is responsible for; the case goes back to it with a
 * new resolution limit and counts against it. The second reopen makes it a case the organisation above supervises.
 * Published as {@code cn.huiyin.followup.GrievanceReopened.v1}.
 *
 * @param round         the handling round now starting (2 or 3)
 * @param countsAgainst the organisation the reopen is counted against
 * @param supervisedBy  on the second reopen, the organisation above; null otherwise
 */
public record GrievanceReopened(String grievanceId, int round, int reopenCount, ReopenReason reason,
                                OrganisationRef organisation, OrganisationRef countsAgainst,
                                OrganisationRef supervisedBy, Instant reopenedAt, Instant resolutionDueAt,
                                String stage) {
}
