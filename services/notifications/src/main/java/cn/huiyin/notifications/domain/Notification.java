package cn.huiyin.notifications.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.huiyin.notifications.domain.events.NotificationFailed;
import cn.huiyin.notifications.domain.events.NotificationSent;

/**
 * One message to one recipient from one template because of one event (通知). Its id is the idempotency key
 * {@code event id × recipient × template}: stored with the event that caused it in one insert, it exists once however
 * often the event is delivered. It keeps its own delivery queue entry ({@link #nextAttemptAt}), attempts and history,
 * and only the facts to render its text (template parameters), never a phone number or a name of the worker.
 */
public final class Notification {

    private final String id;
    private final String cause;
    private final String subject;
    private final String grievanceId;
    private final String template;
    private final Recipient recipient;
    private final String rateKey;
    private final Map<String, String> parameters;
    private final boolean urgent;
    private final Instant occurredAt;
    private final Instant queuedAt;
    private DeliveryStatus status;
    private Instant nextAttemptAt;
    private int attempts;
    private int segments;
    private final List<StatusChange> history;
    private final List<Object> pendingEvents = new ArrayList<>();

    private Notification(String id, String cause, String subject, String grievanceId, String template,
                         Recipient recipient, String rateKey, Map<String, String> parameters, boolean urgent,
                         Instant occurredAt, Instant queuedAt, DeliveryStatus status, Instant nextAttemptAt, int attempts, int segments,
                         List<StatusChange> history) {
        this.id = Objects.requireNonNull(id, "id");
        this.cause = Objects.requireNonNull(cause, "cause");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.grievanceId = grievanceId;
        this.template = Objects.requireNonNull(template, "template");
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.rateKey = rateKey == null ? recipient.key() : rateKey;
        this.parameters = new LinkedHashMap<>(parameters);
        this.urgent = urgent;
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.queuedAt = Objects.requireNonNull(queuedAt, "queuedAt");
        this.status = Objects.requireNonNull(status, "status");
        this.nextAttemptAt = nextAttemptAt;
        this.attempts = attempts;
        this.segments = segments;
        this.history = new ArrayList<>(history);
    }

    /** The idempotency key of the message {@code template} to {@code recipient} caused by event {@code cause}. */
    public static String key(String cause, Recipient recipient, String template) {
        return cause + "/" + recipient.key() + "/" + template;
    }

    /**
     * A new message, queued for the earliest instant its recipient may be disturbed.
     *
     * @param occurredAt when the cause happened: a recipient's messages go out in this order
     * @param notBefore  when it may go at the earliest, before quiet hours are applied
     * @param rateKey    whom the recipient's rate limit counts (the worker's pseudonym; a staff recipient's key)
     */
    public static Notification queue(String cause, String subject, String grievanceId, String template,
                                     Recipient recipient, String rateKey, Map<String, String> parameters, boolean urgent,
                                     Instant occurredAt, Instant notBefore, Instant now, QuietHours quietHours) {
        Instant earliest = quietHours.earliestAllowed(notBefore.isAfter(now) ? notBefore : now, recipient.audience(),
            urgent);
        List<StatusChange> history = new ArrayList<>();
        history.add(new StatusChange("QUEUED", now, earliest.toString()));
        return new Notification(key(cause, recipient, template), cause, subject, grievanceId, template, recipient,
            rateKey, parameters, urgent, occurredAt, now, DeliveryStatus.QUEUED, earliest, 0, 0, history);
    }

    public static Notification restore(String id, String cause, String subject, String grievanceId, String template,
                                       Recipient recipient, String rateKey, Map<String, String> parameters, boolean urgent,
                                       Instant occurredAt, Instant queuedAt, DeliveryStatus status,
                                       Instant nextAttemptAt, int attempts, int segments, List<StatusChange> history) {
        return new Notification(id, cause, subject, grievanceId, template, recipient, rateKey, parameters, urgent,
            occurredAt,
            queuedAt, status, nextAttemptAt, attempts, segments, history);
    }

    /** Whether it waits to be sent and its hour has come. */
    public boolean isDue(Instant now) {
        return status == DeliveryStatus.QUEUED && !nextAttemptAt.isAfter(now);
    }

    /** Not now after all (quiet hours began, the recipient's rate limit is reached): wait until {@code until}. */
    public void postpone(Instant until, String reason) {
        requireQueued();
        nextAttemptAt = until;
        history.add(new StatusChange(reason, until, until.toString()));
    }

    /** The provider took it ({@link DeliveryStatus#SENT}) or it reached the recipient ({@link DeliveryStatus#DELIVERED}). */
    public void sent(Instant at, DeliveryStatus outcome, int segmentCount) {
        if (status != DeliveryStatus.QUEUED) {
            return;
        }
        if (outcome != DeliveryStatus.SENT && outcome != DeliveryStatus.DELIVERED) {
            throw new IllegalArgumentException("Not a sending outcome: " + outcome);
        }
        attempts++;
        status = outcome;
        segments = segmentCount;
        nextAttemptAt = null;
        history.add(new StatusChange(outcome.name(), at, null));
        pendingEvents.add(new NotificationSent(id, subject, template, recipient.audience().name(),
            recipient.channel().name(), recipient.organisationId(), cause, outcome.name(), attempts, segmentCount,
            queuedAt, at));
    }

    /** A provider reported that a message it took reached the handset or mailbox. */
    public void delivered(Instant at) {
        if (status == DeliveryStatus.SENT) {
            status = DeliveryStatus.DELIVERED;
            history.add(new StatusChange("DELIVERED", at, null));
        }
    }

    /** An attempt failed: tried again after the policy's back-off, or given up when it is exhausted. */
    public void attemptFailed(Instant at, String reason, RetryPolicy policy) {
        requireQueued();
        attempts++;
        if (policy.exhausted(attempts)) {
            status = DeliveryStatus.FAILED;
            nextAttemptAt = null;
            history.add(new StatusChange("FAILED", at, reason));
            pendingEvents.add(new NotificationFailed(id, subject, template, recipient.audience().name(),
                recipient.channel().name(), recipient.organisationId(), cause, attempts, reason, queuedAt, at));
            return;
        }
        nextAttemptAt = at.plus(policy.delayAfter(attempts));
        history.add(new StatusChange("ATTEMPT_FAILED", at, reason));
    }

    /** The provider refused it for good (trying again would fail the same way): failed now, not retried. */
    public void rejected(Instant at, String providerCode) {
        requireQueued();
        attempts++;
        status = DeliveryStatus.FAILED;
        nextAttemptAt = null;
        history.add(new StatusChange("FAILED", at, "PROVIDER_REJECTED " + providerCode));
        pendingEvents.add(new NotificationFailed(id, subject, template, recipient.audience().name(),
            recipient.channel().name(), recipient.organisationId(), cause, attempts, "PROVIDER_REJECTED", queuedAt, at));
    }

    /** Goes to its recipient as a line of the digest {@code digestId} instead of on its own. */
    public void digested(Instant at, String digestId) {
        requireQueued();
        status = DeliveryStatus.DIGESTED;
        nextAttemptAt = null;
        history.add(new StatusChange("DIGESTED", at, digestId));
    }

    /** A digest still waiting takes in more lines: its parameters (the count and the cases) are replaced. */
    public void regather(Map<String, String> newParameters) {
        requireQueued();
        parameters.clear();
        parameters.putAll(newParameters);
    }

    /** The worker opted out of messages of this kind: never sent. */
    public void withhold(Instant at) {
        requireQueued();
        status = DeliveryStatus.WITHHELD;
        nextAttemptAt = null;
        history.add(new StatusChange("WITHHELD_OPTED_OUT", at, null));
    }

    private void requireQueued() {
        if (status != DeliveryStatus.QUEUED) {
            throw new IllegalStateException("Notification " + id + " is " + status + ", not queued");
        }
    }

    public String id() {
        return id;
    }

    public String cause() {
        return cause;
    }

    public String subject() {
        return subject;
    }

    public String grievanceId() {
        return grievanceId;
    }

    public String template() {
        return template;
    }

    public Recipient recipient() {
        return recipient;
    }

    public String rateKey() {
        return rateKey;
    }

    public Map<String, String> parameters() {
        return Map.copyOf(parameters);
    }

    public boolean urgent() {
        return urgent;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant queuedAt() {
        return queuedAt;
    }

    public DeliveryStatus status() {
        return status;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public int attempts() {
        return attempts;
    }

    public int segments() {
        return segments;
    }

    public List<StatusChange> history() {
        return List.copyOf(history);
    }

    public List<Object> pendingEvents() {
        return List.copyOf(pendingEvents);
    }
}
