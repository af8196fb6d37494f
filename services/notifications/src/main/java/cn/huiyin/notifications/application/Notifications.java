package cn.huiyin.notifications.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.huiyin.notifications.domain.Notification;

/** Port: the stored messages, which are also the delivery queue. */
public interface Notifications {

    /** Stores a new message (recording the inbound event being handled in the same insert); false if it exists. */
    boolean addIfAbsent(Notification notification);

    Optional<Notification> find(String id);

    /** @throws ConcurrentChange if it changed since it was read */
    void update(Notification notification);

    /** Queued messages whose hour has come, oldest cause first. */
    List<Notification> due(Instant now, int limit);

    /** Staff messages by e-mail or SMS whose hour has come, oldest cause first (what a digest may gather). */
    List<Notification> dueToStaffContacts(Instant now, int limit);

    /** Whether an earlier-caused message to the same recipient about the same grievance still waits. */
    boolean earlierStillQueued(Notification notification);

    /** How many messages counted by this rate key ({@link Notification#rateKey()}) left in [from, to]. */
    long sentSince(String rateKey, Instant from, Instant to);

    /** Messages delivered to an organisation's in-app inbox, newest first. */
    List<Notification> inbox(String organisationId, int page, int size);

    /** Every message about a grievance (or action item), oldest first: the case's delivery history. */
    List<Notification> about(String subject);
}
