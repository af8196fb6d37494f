package cn.huiyin.notifications.domain.events;

import java.time.Instant;

/**
 * A message given up after its last attempt (发送失败): staff then reach the recipient another way.
 *
 * @param reason a short technical reason (e.g. {@code PROVIDER_UNAVAILABLE}, {@code NO_CONTACT}); never personal data
 */
public record NotificationFailed(String notificationId, String subject, String template, String audience,
                                 String channel, String organisationId, String cause, int attempts, String reason,
                                 Instant queuedAt, Instant failedAt) {
}
