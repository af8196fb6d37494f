package cn.huiyin.followup.domain.events;

import java.time.Instant;

import cn.huiyin.followup.domain.OrganisationRef;

/**
 * 延期申请: the handling organisation asked, before the deadline, for more time; the organisation above decides.
 * Published as {@code cn.huiyin.followup.ExtensionRequested.v1}.
 *
 * @param decidingOrganisation the organisation above that decides; null when the registry does not know it
 */
public record ExtensionRequested(String grievanceId, String extensionId, OrganisationRef organisation, String reason,
                                 Instant currentDueAt, Instant requestedDueAt, Instant requestedAt,
                                 OrganisationRef decidingOrganisation) {
}
