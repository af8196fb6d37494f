package cn.huiyin.notifications.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.huiyin.notifications.domain.Channel;
import cn.huiyin.notifications.domain.Disclosure;
import cn.huiyin.notifications.domain.Notification;
import cn.huiyin.notifications.domain.QuietHours;
import cn.huiyin.notifications.domain.Recipient;
import cn.huiyin.notifications.domain.TemplateBook;

/**
 * Turns the other services' events into queued messages. Each message is one insert keyed by its idempotency key
 * (event × recipient × template) that also records the event: a redelivered event finds every message it caused
 * already there and adds nothing; a crash half-way through an event's recipients adds the rest on redelivery.
 */
public class QueueNotifications {

    /** The contact id of an organisation's in-app inbox: one message per organisation, whoever is on duty. */
    public static final String INBOX = "inbox";

    private final Notifications notifications;
    private final GrievanceFactsStore facts;
    private final DutyContacts duty;
    private final TemplateBook templates;
    private final QuietHours quietHours;
    private final Clock clock;

    public QueueNotifications(Notifications notifications, GrievanceFactsStore facts, DutyContacts duty,
                              TemplateBook templates, QuietHours quietHours, Clock clock) {
        this.notifications = notifications;
        this.facts = facts;
        this.duty = duty;
        this.templates = templates;
        this.quietHours = quietHours;
        this.clock = clock;
    }

    /** An organisation named in an event: id, name and type (to hide enterprises in confidential grievances). */
    public record Organisation(String id, String name, String type) {
    }

    /** A message the event means for the worker of {@code grievanceId}. */
    public void toWorker(String cause, String grievanceId, String template, Map<String, String> parameters,
                         Instant occurredAt, Instant notBefore) {
        templates.get(template);
        Instant now = clock.instant();
        String rateKey = "worker:" + facts.find(grievanceId).map(GrievanceFacts::workerRef).orElse(grievanceId);
        notifications.addIfAbsent(Notification.queue(cause, grievanceId, grievanceId, template, Recipient.worker(),
            rateKey, parameters, false, occurredAt, notBefore == null ? now : notBefore, now, quietHours));
    }

    /**
     * A message the event means for the duty contacts of {@code organisations} (in the inbox, and by e-mail and SMS
     * where a contact has them). Urgent if the grievance is.
     *
     * @param subject     the grievance or action item the message is about
     * @param grievanceId the grievance whose urgency counts, or null
     */
    public void toStaff(String cause, String subject, String grievanceId, String template,
                        Map<String, String> parameters, List<Organisation> organisations, Instant occurredAt) {
        templates.get(template);
        Instant now = clock.instant();
        boolean urgent = grievanceId != null
            && facts.find(grievanceId).map(f -> Boolean.TRUE.equals(f.urgent())).orElse(false);
        Set<String> reached = new LinkedHashSet<>();
        for (Organisation organisation : organisations) {
            if (!reached.add(organisation.id())) {
                continue;
            }
            List<Recipient> recipients = new ArrayList<>();
            recipients.add(Recipient.staff(organisation.id(), INBOX, Channel.INBOX));
            for (DutyContacts.StaffContact contact : duty.of(organisation.id())) {
                if (contact.email() != null && !contact.email().isBlank()) {
                    recipients.add(Recipient.staff(organisation.id(), contact.id(), Channel.EMAIL));
                }
                if (contact.mobile() != null && !contact.mobile().isBlank()) {
                    recipients.add(Recipient.staff(organisation.id(), contact.id(), Channel.SMS));
                }
            }
            for (Recipient recipient : recipients) {
                notifications.addIfAbsent(Notification.queue(cause, subject, grievanceId, template, recipient,
                    recipient.key(), parameters, urgent, occurredAt, now, now, quietHours));
            }
        }
    }

    /** How an organisation is named in messages about this grievance ({@link Disclosure}). */
    public String nameOf(String grievanceId, Organisation organisation) {
        Boolean confidential = grievanceId == null ? Boolean.FALSE
            : facts.find(grievanceId).map(GrievanceFacts::confidential).orElse(null);
        return Disclosure.organisationName(organisation.name(), organisation.type(), confidential);
    }

    public void grievanceSubmitted(String grievanceId, String workerRef, String divisionCode, boolean confidential) {
        facts.recordSubmitted(grievanceId, workerRef, divisionCode, confidential);
    }

    public void grievanceAssigned(String grievanceId, boolean urgent) {
        facts.recordUrgent(grievanceId, urgent);
    }
}
