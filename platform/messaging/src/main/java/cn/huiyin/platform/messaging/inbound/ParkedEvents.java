package cn.huiyin.platform.messaging.inbound;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Grievances (event subjects) whose events wait in the dead-letter topic, with those events in order. While a
 * subject is parked every later event about it goes to the dead-letter topic behind the first, so nothing about that
 * grievance is applied out of order; the rest of the partition carries on. Replaying the dead letters in order
 * applies them and releases the subject (see {@link InboundEvents}).
 *
 * <p>Kept in the service's own database, so it holds across restarts and across the service's instances.
 */
public class ParkedEvents {

    public static final String COLLECTION = "parked_subjects";

    /** A parked subject: the events waiting for it, the first one parked first. */
    public record Parked(String subject, List<String> eventIds, Instant since, String reason) {

        public String head() {
            return eventIds.isEmpty() ? null : eventIds.get(0);
        }
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    public ParkedEvents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Optional<Parked> find(String subject) {
        Document document = mongo.getCollection(COLLECTION).find(new Document("_id", subject)).first();
        return Optional.ofNullable(document).map(ParkedEvents::toParked);
    }

    /** Adds {@code eventId} behind the events already waiting for {@code subject} (once, however often it fails). */
    public void park(String subject, String eventId, String reason) {
        mongo.upsert(new Query(Criteria.where("_id").is(subject)), new Update()
            .setOnInsert("since", Date.from(clock.instant()))
            .setOnInsert("reason", reason)
            .addToSet("eventIds", eventId), COLLECTION);
    }

    /** The head event was applied: the next one becomes the head, and the subject is free once none is left. */
    public void release(String subject, String eventId) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(subject)), new Update().pull("eventIds", eventId),
            COLLECTION);
        mongo.remove(new Query(Criteria.where("_id").is(subject).and("eventIds").size(0)), COLLECTION);
    }

    public long count() {
        return mongo.getCollection(COLLECTION).countDocuments();
    }

    /** The subject waiting longest, for the health check. */
    public Optional<Parked> oldest() {
        Document document = mongo.getCollection(COLLECTION).find().sort(new Document("since", 1)).limit(1).first();
        return Optional.ofNullable(document).map(ParkedEvents::toParked);
    }

    @SuppressWarnings("unchecked")
    private static Parked toParked(Document document) {
        Object since = document.get("since");
        List<String> ids = document.get("eventIds") instanceof List<?> list ? new ArrayList<>((List<String>) list) : List.of();
        return new Parked(document.getString("_id"), ids, since instanceof Date date ? date.toInstant() : null,
            document.getString("reason"));
    }
}
