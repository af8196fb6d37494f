package cn.huiyin.notifications.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.huiyin.notifications.application.ConcurrentChange;
import cn.huiyin.notifications.application.Notifications;
import cn.huiyin.notifications.domain.Audience;
import cn.huiyin.notifications.domain.Channel;
import cn.huiyin.notifications.domain.DeliveryStatus;
import cn.huiyin.notifications.domain.Notification;
import cn.huiyin.platform.messaging.outbox.AggregateStore;
import cn.huiyin.platform.messaging.outbox.Aggregates;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Messages in MongoDB (collection {@code notifications}), each written through the aggregate store with its outbox. */
@Repository
class MongoNotifications implements Notifications {

    private final Aggregates<Notification, NotificationDocument> aggregates;
    private final MongoTemplate mongo;

    MongoNotifications(AggregateStore store, MongoTemplate mongo) {
        this.aggregates = new Aggregates<>(store, NotificationDocument.class, Notification::id,
            Notification::pendingEvents, NotificationDocument::from, NotificationDocument::toDomain);
        this.mongo = mongo;
        var indexes = mongo.indexOps(NotificationDocument.class);
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC)
            .named("queue"));
        indexes.createIndex(new Index().on("organisationId", Sort.Direction.ASC).on("channel", Sort.Direction.ASC)
            .on("queuedAt", Sort.Direction.DESC).named("inbox"));
        indexes.createIndex(new Index().on("subject", Sort.Direction.ASC).named("subject"));
        indexes.createIndex(new Index().on("rateKey", Sort.Direction.ASC).on("sentAt", Sort.Direction.ASC).named("rate"));
    }

    @Override
    public boolean addIfAbsent(Notification notification) {
        return aggregates.addIfAbsent(notification);
    }

    @Override
    public Optional<Notification> find(String id) {
        return aggregates.find(id);
    }

    @Override
    public void update(Notification notification) {
        try {
            aggregates.update(notification);
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentChange(notification.id(), e);
        }
    }

    @Override
    public List<Notification> due(Instant now, int limit) {
        return mongo.find(dueQuery(now, limit), NotificationDocument.class).stream().map(aggregates::read).toList();
    }

    /** The delivery queue: index {@code queue}. */
    static Query dueQuery(Instant now, int limit) {
        return new Query(Criteria.where("status").is(DeliveryStatus.QUEUED).and("nextAttemptAt").lte(now))
            .with(Sort.by("occurredAt", "queuedAt", "_id")).limit(limit);
    }

    @Override
    public List<Notification> dueToStaffContacts(Instant now, int limit) {
        Query query = new Query(Criteria.where("status").is(DeliveryStatus.QUEUED).and("nextAttemptAt").lte(now)
            .and("audience").is(Audience.STAFF).and("channel").in(Channel.EMAIL, Channel.SMS))
            .with(Sort.by("occurredAt", "queuedAt", "_id")).limit(limit);
        return mongo.find(query, NotificationDocument.class).stream().map(aggregates::read).toList();
    }

    @Override
    public boolean earlierStillQueued(Notification n) {
        return mongo.exists(new Query(Criteria.where("status").is(DeliveryStatus.QUEUED).and("subject").is(n.subject())
            .and("recipientKey").is(n.recipient().key()).and("occurredAt").lt(n.occurredAt())), NotificationDocument.class);
    }

    @Override
    public long sentSince(String rateKey, Instant from, Instant to) {
        return mongo.count(sentSinceQuery(rateKey, from, to), NotificationDocument.class);
    }

    /** What a rate limit counts: index {@code rate}, counted from its keys. */
    static Query sentSinceQuery(String rateKey, Instant from, Instant to) {
        return new Query(Criteria.where("rateKey").is(rateKey).and("sentAt").gte(from).lte(to));
    }

    @Override
    public List<Notification> inbox(String organisationId, int page, int size) {
        return mongo.find(inboxQuery(organisationId, page, size), NotificationDocument.class).stream()
            .map(NotificationDocument::toDomain).toList();
    }

    /** An organisation's in-app messages: index {@code inbox}. */
    static Query inboxQuery(String organisationId, int page, int size) {
        return new Query(Criteria.where("organisationId").is(organisationId).and("channel").is(Channel.INBOX)
            .and("audience").is(Audience.STAFF).and("status").is(DeliveryStatus.DELIVERED))
            .with(Sort.by(Sort.Direction.DESC, "sentAt", "_id")).skip((long) page * size).limit(size);
    }

    @Override
    public List<Notification> about(String subject) {
        return mongo.find(new Query(Criteria.where("subject").is(subject)).with(Sort.by("occurredAt", "queuedAt", "_id")),
            NotificationDocument.class).stream().map(NotificationDocument::toDomain).toList();
    }
}
