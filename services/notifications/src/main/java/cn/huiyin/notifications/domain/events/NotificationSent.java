package cn.huiyin.notifications.domain.events;

import java.time.Instant;

/**
 * A message left for its recipient (已发送). No personal data: the worker is "the worker of this grievance", staff are
 * an organisation and a duty contact id.
 *
 * @param subject       the grievance (or, for an action item due, the action item) the message is about
 * @param cause         id of the event that caused it (its CloudEvents {@code ce_id})
 * @param status        SENT or DELIVERED
 * @param segments      SMS parts billed (1 for other channels)
 */
public record NotificationSent(String notificationId, String subject, String template, String audience,
                               String channel, String organisationId, String cause, String status, int attempts,
                               int segments, Instant queuedAt, Instant sentAt) {
}
