package cn.huiyin.followup.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import cn.huiyin.followup.application.DueCheck;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * When each case file (or action item) may next have a supervision step due, as one small document per aggregate
 * ({@code _id}, {@code due}, {@code touches}), so the scan reads a few bytes per open case instead of whole case
 * files; real MongoDB and the embedded server (ADR 0028) serve the query from the index on {@code due}. (It was
 * kept apart when the embedded server had no secondary index and read every document of a collection it filtered.)
 *
 * <p>The entry is never later than the plan stored in the aggregate, which is what makes the scan lose nothing
 * without a transaction (the outbox markers' pattern, ADR 0002):
 * <ul>
 *   <li>before every write of the aggregate, {@link #touch} lowers the entry to the plan about to be stored
 *       ({@code $min}) and counts the touch;</li>
 *   <li>only the scan raises it, after it took the due steps and stored the aggregate, and only if nobody touched it
 *       since the scan read it ({@link #settle}).</li>
 * </ul>
 * A crash between the two writes leaves an entry too early, never too late: the scan visits the aggregate, finds
 * nothing due and settles the entry. A deadline that moves later costs one such visit.
 */
final class DueIndex {

    private final MongoCollection<Document> entries;

    DueIndex(MongoTemplate mongo, String collection) {
        this.entries = mongo.getCollection(collection);
        entries.createIndex(Indexes.ascending("due"), new IndexOptions().name("due"));
    }

    /** Before the aggregate is written with {@code plannedAt} as its next due instant (null: nothing planned). */
    void touch(String id, Instant plannedAt) {
        Bson update = plannedAt == null ? Updates.inc("touches", 1L)
            : Updates.combine(Updates.min("due", Date.from(plannedAt)), Updates.inc("touches", 1L));
        entries.updateOne(Filters.eq("_id", id), update, new UpdateOptions().upsert(true));
    }

    /** Entries due at {@code now}, at most {@code limit}. */
    List<DueCheck> due(Instant now, int limit) {
        List<DueCheck> due = new ArrayList<>();
        entries.find(dueFilter(now)).projection(Projections.include("_id", "touches")).limit(limit)
            .forEach(d -> due.add(new DueCheck(d.getString("_id"), ((Number) d.get("touches")).longValue())));
        return due;
    }

    /** The due-step scan's filter: served by the index {@code due}. */
    static Bson dueFilter(Instant now) {
        return Filters.lte("due", Date.from(now));
    }

    /** The collection of entries, for tests. */
    MongoCollection<Document> entries() {
        return entries;
    }

    /**
     * After the scan stored the aggregate: the entry says when it is next due ({@code plannedAt}), or goes when nothing
     * is left to watch — unless a writer touched it since the scan read it, in which case it stays as low as it is.
     */
    void settle(DueCheck check, Instant plannedAt) {
        // A plain document, not Filters.and: the embedded store narrows by _id only when the filter names it directly.
        Bson untouched = new Document("_id", check.id()).append("touches", check.token());
        if (plannedAt == null) {
            entries.deleteOne(untouched);
        } else {
            entries.updateOne(untouched, Updates.set("due", Date.from(plannedAt)));
        }
    }

    boolean isEmpty() {
        return entries.countDocuments() == 0;
    }
}
