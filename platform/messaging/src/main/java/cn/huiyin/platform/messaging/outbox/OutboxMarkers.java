package cn.huiyin.platform.messaging.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 */
public class OutboxMarkers {

    public static final String COLLECTION = "outbox_pending";

    /** A marker as read: which aggregate, and how often it had been touched. */
    public record Marker(String collection, String aggregateId, long touches, Instant touchedAt) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    public OutboxMarkers(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    static String markerId(String collection, String aggregateId) {
        return collection + "/" + aggregateId;
    }

    public void touch(String collection, String aggregateId) {
        Update update = new Update()
            .setOnInsert("collection", collection)
            .setOnInsert("aggregateId", aggregateId)
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
        return new Marker(document.getString("collection"), document.getString("aggregateId"),
            ((Number) document.get("touches")).longValue(),
            touchedAt instanceof java.util.Date date ? date.toInstant() : null);
    }
}
