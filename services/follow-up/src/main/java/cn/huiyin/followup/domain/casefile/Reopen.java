package cn.huiyin.followup.domain.casefile;

import java.time.Instant;

import cn.huiyin.followup.domain.OrganisationRef;

/**
 * 重办: a round of handling again, counted against the organisation; the second is supervised by the organisation
 * above.
 *
 * @param round the round it starts (2 or 3)
 */
public record Reopen(int round, Instant reopenedAt, ReopenReason reason, OrganisationRef countedAgainst,
                     OrganisationRef supervisedBy) {
}
