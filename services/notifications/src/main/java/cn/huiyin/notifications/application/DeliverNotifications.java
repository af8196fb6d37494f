package cn.huiyin.notifications.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.huiyin.notifications.domain.Audience;
import cn.huiyin.notifications.domain.Channel;
import cn.huiyin.notifications.domain.DeliveryStatus;
import cn.huiyin.notifications.domain.Notification;
import cn.huiyin.notifications.domain.QuietHours;
import cn.huiyin.notifications.domain.RetryPolicy;
import cn.huiyin.notifications.domain.SmsLength;
import cn.huiyin.notifications.domain.Template;
import cn.huiyin.notifications.domain.TemplateBook;

/**
 * Works through the delivery queue: every message whose hour has come is sent through its channel, after the earlier
 * messages to the same recipient about the same grievance, inside quiet hours and the recipient's rate limit. A failed
 * attempt is retried with back-off; the last one gives up ({@code NotificationFailed}).
 */
public class DeliverNotifications {

    /**
     * Per recipient: at most {@code worker} messages to a worker, {@code staff} to a staff member's mobile or mailbox,
     * in {@code window}. Urgent messages and the in-app inbox are not held back.
     */
    public record RateLimit(int worker, int staff, Duration window) {
    }

    private final Notifications notifications;
    private final WorkerContacts workers;
    private final Consents consents;
    private final DutyContacts duty;
    private final TemplateBook templates;
    private final Map<Channel, MessageChannel> channels;
    private final QuietHours quietHours;
    private final RetryPolicy retries;
    private final RateLimit rateLimit;
    private final Clock clock;

    public DeliverNotifications(Notifications notifications, WorkerContacts workers, Consents consents, DutyContacts duty,
                                TemplateBook templates, Map<Channel, MessageChannel> channels, QuietHours quietHours,
                                RetryPolicy retries, RateLimit rateLimit, Clock clock) {
        this.notifications = notifications;
        this.workers = workers;
        this.consents = consents;
        this.duty = duty;
        this.templates = templates;
        this.channels = Map.copyOf(channels);
        this.quietHours = quietHours;
        this.retries = retries;
        this.rateLimit = rateLimit;
        this.clock = clock;
    }

    /** Delivers what is due at {@code now}, the instant of the whole pass; @return how many messages left */
    public int deliverDue(int batch, Instant now) {
        Set<String> held = new HashSet<>();
        int sent = 0;
        for (Notification notification : notifications.due(now, batch)) {
            String line = notification.subject() + "|" + notification.recipient().key();
            if (held.contains(line) || notifications.earlierStillQueued(notification)) {
                held.add(line);
                continue;
            }
            try {
                if (deliver(notification, clock.instant())) {
                    sent++;
                } else {
                    held.add(line);
                }
            } catch (ConcurrentChange someoneElse) {
                held.add(line);
            }
        }
        return sent;
    }

    private boolean deliver(Notification notification, Instant now) {
        Instant allowed = quietHours.earliestAllowed(now, notification.recipient().audience(), notification.urgent());
        if (allowed.isAfter(now)) {
            notification.postpone(allowed, "POSTPONED_QUIET_HOURS");
            notifications.update(notification);
            return false;
        }
        if (overRateLimit(notification, now)) {
            notification.postpone(now.plus(rateLimit.window()), "POSTPONED_RATE_LIMIT");
            notifications.update(notification);
            return false;
        }
        Optional<String> address;
        try {
            address = addressOf(notification, now);
        } catch (WorkerContacts.Unavailable intakeDown) {
            notification.attemptFailed(now, "CONTACT_UNAVAILABLE", retries);
            notifications.update(notification);
            return false;
        }
        if (notification.status() == DeliveryStatus.WITHHELD) {
            notifications.update(notification);
            return true;
        }
        if (address.isEmpty()) {
            notification.attemptFailed(now, "NO_CONTACT", retries);
            notifications.update(notification);
            return false;
        }
        Template template = templates.get(notification.template());
        String zh = template.render("zh", notification.parameters());
        String en = template.render("en", notification.parameters());
        int segments = notification.recipient().channel() == Channel.SMS ? SmsLength.segments(zh) : 1;
        String every = notification.parameters().get("subjects");
        if (notification.recipient().channel() == Channel.EMAIL && every != null && !every.isEmpty()) {
            // A summary's SMS names its first cases; its e-mail has room for every one.
            zh = zh + "\n\n全部：" + every.replace(",", "、");
            en = en + "\n\nAll: " + every.replace(",", ", ");
        }
        MessageChannel channel = channels.get(notification.recipient().channel());
        try {
            DeliveryStatus outcome = channel.send(new MessageChannel.Outgoing(notification.id(), address.get(),
                titleOf(zh), zh, en, segments, notification.template(), templateParameters(template, notification)));
            notification.sent(now, outcome, segments);
        } catch (MessageChannel.Rejected refused) {
            notification.rejected(now, refused.code());
            notifications.update(notification);
            return true;
        } catch (MessageChannel.Unavailable providerDown) {
            notification.attemptFailed(now, "PROVIDER_UNAVAILABLE", retries);
            notifications.update(notification);
            return false;
        }
        notifications.update(notification);
        return true;
    }

    private boolean overRateLimit(Notification notification, Instant now) {
        if (notification.urgent() || notification.recipient().channel() == Channel.INBOX) {
            return false;
        }
        int limit = notification.recipient().audience() == Audience.WORKER ? rateLimit.worker() : rateLimit.staff();
        return notifications.sentSince(notification.rateKey(), now.minus(rateLimit.window()), now) >= limit;
    }

    /** The address to send to, or empty if there is none; withholds the message if the worker opted out. */
    private Optional<String> addressOf(Notification notification, Instant now) {
        if (notification.recipient().audience() == Audience.WORKER) {
            if (!TemplateBook.sentDespiteOptOut(notification.template())
                && consents.optedOut(notification.grievanceId())) {
                notification.withhold(now);
                return Optional.empty();
            }
            return workers.mobile(notification.grievanceId()).filter(m -> !m.isBlank());
        }
        if (notification.recipient().channel() == Channel.INBOX) {
            return Optional.of(notification.recipient().organisationId());
        }
        return duty.find(notification.recipient().organisationId(), notification.recipient().contactId())
            .map(c -> notification.recipient().channel() == Channel.EMAIL ? c.email() : c.mobile())
            .filter(a -> a != null && !a.isBlank());
    }

    /** What the template shows, for providers that render registered templates (a digest's own lists stay here). */
    private static Map<String, String> templateParameters(Template template, Notification notification) {
        Map<String, String> shown = new java.util.LinkedHashMap<>();
        template.parameters().forEach(name -> shown.put(name, notification.parameters().get(name)));
        return shown;
    }

    private static String titleOf(String text) {
        String body = text.replaceFirst("^【[^】]*】", "");
        int end = body.indexOf('：');
        return end > 0 && end <= 20 ? body.substring(0, end) : body.substring(0, Math.min(20, body.length()));
    }
}
