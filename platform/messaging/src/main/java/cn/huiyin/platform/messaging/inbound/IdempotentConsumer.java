package cn.huiyin.platform.messaging.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Makes a redelivered event have no second effect. A processed-event record per (consumer, event id), unique by
 * index, is claimed before the effect runs and marked done after it:
 * <ul>
 *   <li>done already: the event is skipped;</li>
 *   <li>claimed by someone else within the lease: retried later ({@link EventBeingProcessedException});</li>
 *   <li>a claim older than the lease (its holder crashed mid-way): taken over and the effect runs again.</li>
 * </ul>
 * If the effect fails, the claim is released so the binder's retry runs it again. Only the takeover case can repeat
 * an effect, so handlers make their state changes idempotent themselves (an insert keyed by the grievance id, a
 * state-machine guard) for that rare crash window. No multi-document transaction is needed.
 */
public class IdempotentConsumer {

    public static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration lease;

    public IdempotentConsumer(MongoTemplate mongo, Clock clock, Duration lease) {
        this.mongo = mongo;
        this.clock = clock;
        this.lease = lease;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("consumer", org.springframework.data.domain.Sort.Direction.ASC)
            .on("eventId", org.springframework.data.domain.Sort.Direction.ASC).unique().named("consumer_eventId"));
    }

    /**
     * Runs {@code effect} unless this consumer already processed {@code eventId}.
     *
     * @return true if the effect ran, false if the event was a duplicate
     */
    public boolean process(String consumer, String eventId, Runnable effect) {
        String id = consumer + ":" + eventId;
        Instant claimedAt = clock.instant();
        if (!claim(id, consumer, eventId, claimedAt)) {
            return false;
        }
        try {
            effect.run();
        } catch (RuntimeException e) {
            mongo.remove(new Query(Criteria.where("_id").is(id).and("claimedAt").is(Date.from(claimedAt))), COLLECTION);
            throw e;
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)),
            new Update().set("status", "DONE").set("processedAt", clock.instant()), COLLECTION);
        return true;
    }

    public boolean alreadyProcessed(String consumer, String eventId) {
        Document record = mongo.getCollection(COLLECTION).find(new Document("_id", consumer + ":" + eventId)).first();
        return record != null && "DONE".equals(record.getString("status"));
    }

    private boolean claim(String id, String consumer, String eventId, Instant claimedAt) {
        Document record = new Document("_id", id).append("consumer", consumer).append("eventId", eventId)
            .append("status", "CLAIMED").append("claimedAt", Date.from(claimedAt));
        try {
            mongo.getCollection(COLLECTION).insertOne(record);
            return true;
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCode() != 11000) {
                throw e;
            }
        } catch (DuplicateKeyException ignored) {
            // fall through to inspect the existing record
        }
        Document existing = mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
        if (existing == null) {
            // Released between our insert and our read: try once more.
            return claim(id, consumer, eventId, claimedAt);
        }
        if ("DONE".equals(existing.getString("status"))) {
            return false;
        }
        Date previous = existing.getDate("claimedAt");
        if (previous != null && previous.toInstant().plus(lease).isAfter(clock.instant())) {
            throw new EventBeingProcessedException(consumer, eventId);
        }
        long taken = mongo.updateFirst(new Query(Criteria.where("_id").is(id).and("claimedAt").is(previous)),
            new Update().set("claimedAt", Date.from(claimedAt)), COLLECTION).getModifiedCount();
        if (taken == 0) {
            throw new EventBeingProcessedException(consumer, eventId);
        }
        return true;
    }
}
