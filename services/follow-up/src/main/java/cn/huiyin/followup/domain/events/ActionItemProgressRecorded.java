package cn.huiyin.followup.domain.events;

import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.domain.OrganisationRef;

/**
 * Progress on a joint meeting's action item (任务进展). Key: the action item id. Published as
 * {@code cn.huiyin.followup.ActionItemProgressRecorded.v1}.
 */
public record ActionItemProgressRecorded(String actionItemId, String meetingId, List<String> grievanceIds,
                                         OrganisationRef organisation, String note, int evidenceCount,
                                         Instant recordedAt, Instant dueAt) {
}
