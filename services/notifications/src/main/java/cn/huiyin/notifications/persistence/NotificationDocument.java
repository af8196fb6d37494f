package cn.huiyin.notifications.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.huiyin.notifications.domain.Audience;
import cn.huiyin.notifications.domain.Channel;
import cn.huiyin.notifications.domain.DeliveryStatus;
import cn.huiyin.notifications.domain.Notification;
import cn.huiyin.notifications.domain.Recipient;
import cn.huiyin.notifications.domain.StatusChange;
import cn.huiyin.platform.messaging.outbox.AggregateDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A message as stored, keyed by its idempotency key, with its outbox (NotificationSent / NotificationFailed) and the
 * event that caused it recorded by the insert. Its {@code status} and {@code nextAttemptAt} make it its own entry in
 * the delivery queue: no second collection that could disagree with it.
 */
@Document("notifications")
class NotificationDocument extends AggregateDocument {

    private String cause;
    private String subject;
    private String grievanceId;
    private String template;
    private Audience audience;
    private Channel channel;
    private String contactId;
    private String organisationId;
    private String recipientKey;
    private String rateKey;
    private Map<String, String> parameters;
    private boolean urgent;
    private Instant occurredAt;
    private Instant queuedAt;
    private DeliveryStatus status;
    private Instant nextAttemptAt;
    private Instant sentAt;
    private int attempts;
    private int segments;
    private List<StatusChange> history;

    NotificationDocument() {
    }

    static NotificationDocument from(Notification n, long version) {
        NotificationDocument d = new NotificationDocument();
        d.setId(n.id());
        d.setVersion(version);
        d.cause = n.cause();
        d.subject = n.subject();
        d.grievanceId = n.grievanceId();
        d.template = n.template();
        d.audience = n.recipient().audience();
        d.channel = n.recipient().channel();
        d.contactId = n.recipient().contactId();
        d.organisationId = n.recipient().organisationId();
        d.recipientKey = n.recipient().key();
        d.rateKey = n.rateKey();
        d.parameters = n.parameters();
        d.urgent = n.urgent();
        d.occurredAt = n.occurredAt();
        d.queuedAt = n.queuedAt();
        d.status = n.status();
        d.nextAttemptAt = n.nextAttemptAt();
        d.sentAt = n.status() == DeliveryStatus.SENT || n.status() == DeliveryStatus.DELIVERED
            ? n.history().stream().filter(h -> h.code().equals("SENT") || h.code().equals("DELIVERED"))
                .map(StatusChange::at).findFirst().orElse(null)
            : null;
        d.attempts = n.attempts();
        d.segments = n.segments();
        d.history = n.history();
        return d;
    }

    Notification toDomain() {
        return Notification.restore(getId(), cause, subject, grievanceId, template,
            new Recipient(audience, channel, contactId, organisationId), rateKey, parameters == null ? Map.of() : parameters,
            urgent, occurredAt, queuedAt, status, nextAttemptAt, attempts, segments,
            history == null ? List.of() : history);
    }
}
