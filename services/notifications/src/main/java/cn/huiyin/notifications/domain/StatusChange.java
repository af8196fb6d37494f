package cn.huiyin.notifications.domain;

import java.time.Instant;

/**
 * One line of a message's delivery history, as a code with a parameter (rendered at the edge).
 *
 * @param code   e.g. {@code QUEUED}, {@code POSTPONED_QUIET_HOURS}, {@code POSTPONED_RATE_LIMIT}, {@code ATTEMPT_FAILED},
 *               {@code SENT}, {@code DELIVERED}, {@code FAILED}, {@code WITHHELD_OPTED_OUT}
 * @param detail an instant the message now waits for, or a short technical reason; never personal data
 */
public record StatusChange(String code, Instant at, String detail) {
}
