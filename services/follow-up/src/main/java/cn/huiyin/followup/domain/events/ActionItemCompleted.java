package cn.huiyin.followup.domain.events;

import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.followup.domain.actionitem.ActionItemOutcome;

/**
 * An action item was done, or explained why it cannot be (办结 / 说明). Joint-meeting keeps its own view of
 * completion from this event; the grievances it serves may be resolved once none of their items is open. Key: the
 * action item id. Published as {@code cn.huiyin.followup.ActionItemCompleted.v1}.
 */
public record ActionItemCompleted(String actionItemId, String meetingId, List<String> grievanceIds,
                                  OrganisationRef organisation, ActionItemOutcome outcome, String result,
                                  int evidenceCount, Instant completedAt) {
}
