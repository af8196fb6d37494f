package cn.huiyin.platform.messaging.inbound;

import java.time.Clock;
import java.time.Duration;
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
 *
 * <p>Nearly always nothing is parked, and asking for every event's subject was a read per event (14 per grievance
 * across the services, ADR 0039). So an instance remembers, for {@code emptyCheckInterval}, that it found the
 * collection empty. That can only hide a subject parked by <em>another</em> instance in that interval: its own parks
 * forget the answer at once, and so does a partition assigned to it ({@link #forget()}), so a grievance's later
 * events on the same partition always see its park. Across topics events about a grievance were never ordered
 * (another topic's event passes one that is still being retried), so the interval weakens nothing.
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
    private final Duration emptyCheckInterval;
    /** Guards the fields below: what the last look at the whole collection found, and when. */
    private final Object lock = new Object();
    /** Parks and forgets since the start: a look that overlapped one does not count. */
    private long changes;
    private Instant lookedAt;
    private boolean noneParked;

    /** Reads the collection for every event (no interval). */
    public ParkedEvents(MongoTemplate mongo, Clock clock) {
        this(mongo, clock, Duration.ZERO);
    }

    public ParkedEvents(MongoTemplate mongo, Clock clock, Duration emptyCheckInterval) {
        this.mongo = mongo;
        this.clock = clock;
        this.emptyCheckInterval = emptyCheckInterval;
    }

    public Optional<Parked> find(String subject) {
        if (noneParked()) {
            return Optional.empty();
        }
        return findNow(subject);
    }

    /**
     * Reads the collection whatever the last look found: for a replayed dead letter, whose subject another instance
     * may have parked moments ago.
     */
    public Optional<Parked> findNow(String subject) {
        Document document = mongo.getCollection(COLLECTION).find(new Document("_id", subject)).first();
        return Optional.ofNullable(document).map(ParkedEvents::toParked);
    }

    /** Forgets whether anything is parked: the next event reads the collection (called when partitions are assigned). */
    public void forget() {
        synchronized (lock) {
            changes++;
            lookedAt = null;
        }
    }

    /** Whether nothing is parked, by a look at most {@code emptyCheckInterval} old; false when unsure. */
    private boolean noneParked() {
        if (emptyCheckInterval.isZero()) {
            return false;
        }
        Instant now = clock.instant();
        long changesBefore;
        synchronized (lock) {
            // A clock set back counts as stale, or the answer would be kept for as long as the clock jumped.
            if (lookedAt != null && !now.isBefore(lookedAt) && now.isBefore(lookedAt.plus(emptyCheckInterval))) {
                return noneParked;
            }
            changesBefore = changes;
        }
        boolean none = mongo.getCollection(COLLECTION).find().projection(new Document("_id", 1)).limit(1).first() == null;
        synchronized (lock) {
            if (changes == changesBefore) {
                lookedAt = now;
                noneParked = none;
            }
        }
        return none;
    }

    /** Adds {@code eventId} behind the events already waiting for {@code subject} (once, however often it fails). */
    public void park(String subject, String eventId, String reason) {
        mongo.upsert(new Query(Criteria.where("_id").is(subject)), new Update()
            .setOnInsert("since", Date.from(clock.instant()))
            .setOnInsert("reason", reason)
            .addToSet("eventIds", eventId), COLLECTION);
        forget();
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
