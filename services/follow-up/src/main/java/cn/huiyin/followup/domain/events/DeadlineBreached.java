package cn.huiyin.followup.domain.events;

import java.time.Instant;

import cn.huiyin.followup.domain.OrganisationRef;

/**
 * A time limit passed unmet (超期). Published as {@code cn.huiyin.followup.DeadlineBreached.v1}, together with the
 * yellow card's {@link SupervisionEscalated}.
 *
 * @param organisation the organisation that was to meet it
 * @param detectedAt   when the supervision scan saw it (the breach itself is {@code limit.dueAt})
 */
public record DeadlineBreached(String grievanceId, String actionItemId, String stepId, LimitRef limit,
                               OrganisationRef organisation, Instant detectedAt) {
}
