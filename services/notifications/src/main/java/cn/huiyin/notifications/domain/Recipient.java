package cn.huiyin.notifications.domain;

import java.util.Objects;

/**
 * Who receives a message, without any personal data: the worker of a grievance (whose mobile intake gives at delivery
 * time, never stored here), or a duty contact of an organisation by its configured id.
 *
 * @param contactId      {@code worker} for the worker, the duty contact's id for staff
 * @param organisationId the staff member's organisation; null for the worker
 */
public record Recipient(Audience audience, Channel channel, String contactId, String organisationId) {

    public static final String WORKER = "worker";

    public Recipient {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(contactId, "contactId");
    }

    public static Recipient worker() {
        return new Recipient(Audience.WORKER, Channel.SMS, WORKER, null);
    }

    public static Recipient staff(String organisationId, String contactId, Channel channel) {
        return new Recipient(Audience.STAFF, channel, contactId, organisationId);
    }

    /** The recipient's part of an idempotency key, and what the rate limit counts per. */
    public String key() {
        return audience == Audience.WORKER ? WORKER : organisationId + ":" + contactId + ":" + channel;
    }
}
