package cn.huiyin.platform.messaging.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A short list of aggregates that may hold unpublished events, so the relay can find them after a crash without
 * scanning every aggregate. A marker is touched <em>before</em> the aggregate write (a marker without events is
 * harmless; events without a marker would only be found through the in-memory queue). The relay removes a marker
 * only if nobody touched it since it read it, so a marker never disappears while events wait.
 *
 * <p>A marker also says which instance may publish the aggregate's events for now (a <em>claim</em> with a lease), so
 * that two instances of a service on one database never publish the same events: the writer claims a new marker
 * with its touch, at no extra cost, and a relay that finds an aggregate unclaimed, its own claim ageing, or another's
 * expired claims it with one conditional write. Leases run on the host's clock, not the business clock, because
 * they measure real time between processes (a test clock standing still would hold them for ever); hosts' clocks
 * must agree to well within a lease. A crashed instance's claims expire after one lease; a stopped one releases its
 * own. See ADR 0037.
 */
public class OutboxMarkers {

    public static final String COLLECTION = "outbox_pending";
    private static final String CLAIMED_BY = "claimedBy";
    private static final String CLAIMED_UNTIL = "claimedUntil";

    /** A marker as read: which aggregate, how often it had been touched, and who may publish it until when. */
    public record Marker(String collection, String aggregateId, long touches, Instant touchedAt, String claimedBy,
                         Instant claimedUntil) {

        boolean claimedByAnotherAt(String instance, Instant now) {
            return claimedBy != null && !claimedBy.equals(instance) && claimedUntil != null && claimedUntil.isAfter(now);
        }
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Clock leases;
    private final Duration lease;
    private final String instance;

    /**
     * @param clock  the business clock, for when a marker was touched
     * @param leases the host's clock, for claims (see the class comment)
     * @param lease  how long a claim lasts: longer than a publishing round normally takes
     */
    public OutboxMarkers(MongoTemplate mongo, Clock clock, Clock leases, Duration lease) {
        this.mongo = mongo;
        this.clock = clock;
        this.leases = leases;
        this.lease = lease;
        this.instance = "pid-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Who this instance is in the markers' claims. */
    public String instance() {
        return instance;
    }

    static String markerId(String collection, String aggregateId) {
        return collection + "/" + aggregateId;
    }

    /** Marks the aggregate as (soon) holding events; a new marker is claimed by this instance. */
    public void touch(String collection, String aggregateId) {
        Update update = new Update()
            .setOnInsert("collection", collection)
            .setOnInsert("aggregateId", aggregateId)
            .setOnInsert(CLAIMED_BY, instance)
            .setOnInsert(CLAIMED_UNTIL, Date.from(leases.instant().plus(lease)))
            .inc("touches", 1L)
            .set("touchedAt", clock.instant());
        mongo.upsert(new Query(Criteria.where("_id").is(markerId(collection, aggregateId))), update, COLLECTION);
    }

    public Map<String, Marker> find(String collection, Collection<String> aggregateIds) {
        List<String> ids = aggregateIds.stream().map(id -> markerId(collection, id)).toList();
        Map<String, Marker> found = new HashMap<>();
        for (Document document : mongo.getCollection(COLLECTION).find(new Document("_id", new Document("$in", ids)))) {
            Marker marker = toMarker(document);
            found.put(marker.aggregateId(), marker);
        }
        return found;
    }

    /** Markers not touched for a while: their aggregates may hold events a crashed process did not publish. */
    public List<Marker> olderThan(Instant instant) {
        List<Marker> markers = new ArrayList<>();
        for (Document document : mongo.getCollection(COLLECTION).find()) {
            Marker marker = toMarker(document);
            if (marker.touchedAt() == null || marker.touchedAt().isBefore(instant)) {
                markers.add(marker);
            }
        }
        return markers;
    }

    /**
     * Of {@code aggregateIds}, those whose events this instance may publish now: unmarked ones, ones it holds a claim
     * on for at least half a lease more, and ones it could claim (unclaimed, its own claim ageing, or another's
     * expired), each with one conditional write. The others are another live instance's to publish.
     */
    public List<String> claim(String collection, List<String> aggregateIds, Map<String, Marker> markerById) {
        Instant now = leases.instant();
        Instant renewBefore = now.plus(lease.dividedBy(2));
        List<String> ours = new ArrayList<>(aggregateIds.size());
        for (String id : aggregateIds) {
            Marker marker = markerById.get(id);
            boolean held = marker == null || instance.equals(marker.claimedBy()) && marker.claimedUntil() != null
                && !marker.claimedUntil().isBefore(renewBefore);
            if (held || !marker.claimedByAnotherAt(instance, now) && claim(marker, now)) {
                ours.add(id);
            }
        }
        return ours;
    }

    private boolean claim(Marker marker, Instant now) {
        Query free = new Query(Criteria.where("_id").is(markerId(marker.collection(), marker.aggregateId()))
            .orOperator(Criteria.where(CLAIMED_BY).is(instance), Criteria.where(CLAIMED_BY).exists(false),
                Criteria.where(CLAIMED_UNTIL).lt(Date.from(now))));
        Update claim = new Update().set(CLAIMED_BY, instance).set(CLAIMED_UNTIL, Date.from(now.plus(lease)));
        return mongo.updateFirst(free, claim, COLLECTION).getMatchedCount() == 1;
    }

    /** Gives up this instance's claims, so that another instance may publish at once what this one leaves behind. */
    public void releaseClaims() {
        mongo.updateMulti(new Query(Criteria.where(CLAIMED_BY).is(instance)),
            new Update().unset(CLAIMED_BY).unset(CLAIMED_UNTIL), COLLECTION);
    }

    /** Whether another live instance holds the marker's claim now. */
    public boolean claimedByAnother(Marker marker) {
        return marker.claimedByAnotherAt(instance, leases.instant());
    }

    public long count() {
        return mongo.getCollection(COLLECTION).countDocuments();
    }

    /** Removes each marker unless it was touched again after it was read, in one bulk write. */
    public void removeAllIfUntouched(List<Marker> drained) {
        if (drained.isEmpty()) {
            return;
        }
        List<com.mongodb.client.model.WriteModel<Document>> deletes = new ArrayList<>(drained.size());
        for (Marker marker : drained) {
            deletes.add(new com.mongodb.client.model.DeleteOneModel<>(new Document("_id",
                markerId(marker.collection(), marker.aggregateId())).append("touches", marker.touches())));
        }
        mongo.getCollection(COLLECTION).bulkWrite(deletes, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
    }

    /** Removes the marker unless it was touched again after it was read. */
    public void removeIfUntouched(Marker marker) {
        mongo.remove(new Query(Criteria.where("_id").is(markerId(marker.collection(), marker.aggregateId()))
            .and("touches").is(marker.touches())), COLLECTION);
    }

    private static Marker toMarker(Document document) {
        Object touchedAt = document.get("touchedAt");
        Object claimedUntil = document.get(CLAIMED_UNTIL);
        return new Marker(document.getString("collection"), document.getString("aggregateId"),
            ((Number) document.get("touches")).longValue(), touchedAt instanceof Date at ? at.toInstant() : null,
            document.getString(CLAIMED_BY), claimedUntil instanceof Date until ? until.toInstant() : null);
    }
}
