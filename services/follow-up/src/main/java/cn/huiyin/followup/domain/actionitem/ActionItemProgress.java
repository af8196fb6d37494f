package cn.huiyin.followup.domain.actionitem;

import java.time.Instant;

import cn.huiyin.followup.domain.OrganisationRef;

/** Progress on an action item by its lead department or a co-organiser. */
public record ActionItemProgress(Instant at, String by, OrganisationRef organisation, String note, int evidenceCount) {
}
