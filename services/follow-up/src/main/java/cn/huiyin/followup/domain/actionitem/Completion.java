package cn.huiyin.followup.domain.actionitem;

import java.time.Instant;

/** How and when an action item was finished, and whether in time. */
public record Completion(Instant at, String by, ActionItemOutcome outcome, String result, int evidenceCount,
                        boolean withinDue) {
}
