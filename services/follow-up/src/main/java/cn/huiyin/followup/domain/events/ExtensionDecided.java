package cn.huiyin.followup.domain.events;

import java.time.Instant;

import cn.huiyin.followup.domain.OrganisationRef;

/**
 * 延期审批: the organisation above approved or refused an extension. Approved, the resolution deadline moves and the
 * worker is told; refused, it stays. Published as {@code cn.huiyin.followup.ExtensionDecided.v1}.
 */
public record ExtensionDecided(String grievanceId, String extensionId, boolean approved, OrganisationRef decidedBy,
                               String note, Instant decidedAt, Instant previousDueAt, Instant resolutionDueAt) {
}
