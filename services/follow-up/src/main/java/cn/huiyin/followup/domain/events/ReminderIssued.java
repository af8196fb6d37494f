package cn.huiyin.followup.domain.events;

import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.domain.supervision.LadderStep;
import cn.huiyin.followup.domain.supervision.Recipient;

/**
 * 催办: a reminder to the handling organisation, at 75 % of a limit or at its deadline. About a grievance or an
 * action item (exactly one of the two ids is set). Published as {@code cn.huiyin.followup.ReminderIssued.v1}.
 *
 * @param stepId             the step's unique key: subject / limit / step
 * @param workingMinutesLeft working time left until the deadline when issued (0 at the deadline)
 */
public record ReminderIssued(String grievanceId, String actionItemId, String stepId, LadderStep step, LimitRef limit,
                             Instant dueAt, Instant issuedAt, long workingMinutesLeft, List<Recipient> recipients) {
}
