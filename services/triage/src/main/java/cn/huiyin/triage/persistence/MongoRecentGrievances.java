package cn.huiyin.triage.persistence;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.huiyin.triage.application.RecentGrievances;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Recent grievances per key in one small document each, {@code _id} = the key (e.g.
 * {@code WORKER|wk-…|WAGES}, {@code PLACE|PARKING_ACCESS|510112002}). A grievance is added to its lists in one
 * bulk of upserts by {@code _id} and the lists are read back in one {@code _id $in} query, so duplicate and cluster
 * checks never search the cases and stay fast on the embedded store (ADR 0005). Each push is atomic; a list read back
 * holds this grievance and whatever others were added meanwhile, which is what the window checks want.
 */
@Repository
class MongoRecentGrievances implements RecentGrievances {

    static final String COLLECTION = "recent_grievances";

    private final MongoCollection<Document> lists;

    MongoRecentGrievances(MongoTemplate mongo) {
        this.lists = mongo.getCollection(COLLECTION);
    }

    @Override
    public Map<String, Listed> add(List<String> keys, Recent grievance) {
        Document entry = new Document("g", grievance.grievanceId()).append("t", Date.from(grievance.submittedAt()));
        if (grievance.workerRef() != null) {
            entry.append("w", grievance.workerRef());
        }
        if (grievance.enterpriseId() != null) {
            entry.append("e", grievance.enterpriseId());
        }
        if (!grievance.placeParties().isEmpty()) {
            entry.append("p", grievance.placeParties());
        }
        Document update = new Document("$push", new Document("recent",
            new Document("$each", List.of(entry)).append("$slice", -KEEP)));
        List<WriteModel<Document>> pushes = new ArrayList<>();
        keys.forEach(key -> pushes.add(new UpdateOneModel<>(new Document("_id", key), update, new UpdateOptions().upsert(true))));
        lists.bulkWrite(pushes, new BulkWriteOptions().ordered(false));
        Map<String, Listed> found = new HashMap<>();
        lists.find(new Document("_id", new Document("$in", keys)))
            .forEach(document -> found.put(document.getString("_id"), toListed(document)));
        return found;
    }

    @Override
    public Cluster formOrJoin(String key, Cluster expected, Cluster proposed) {
        Bson filter = expected == null
            ? new Document("_id", key).append("cluster", null)
            : new Document("_id", key).append("cluster.clusterId", expected.clusterId());
        Document cluster = new Document("clusterId", proposed.clusterId())
            .append("formedAt", Date.from(proposed.formedAt()))
            .append("lastMemberAt", Date.from(proposed.lastMemberAt()));
        long matched = lists.updateOne(filter, new Document("$set", new Document("cluster", cluster))).getMatchedCount();
        if (matched == 1) {
            return proposed;
        }
        return find(key).map(Listed::cluster).orElse(proposed);
    }

    @Override
    public Optional<Listed> find(String key) {
        return Optional.ofNullable(lists.find(new Document("_id", key)).first()).map(MongoRecentGrievances::toListed);
    }

    private static Listed toListed(Document document) {
        List<Recent> recent = new ArrayList<>();
        for (Document entry : document.getList("recent", Document.class, List.of())) {
            // Entries written before workers were counted have no "w": each then counts as a worker of its own.
            recent.add(new Recent(entry.getString("g"), entry.getDate("t").toInstant(), entry.getString("w"),
                entry.getString("e"), entry.getList("p", String.class, List.of())));
        }
        Document cluster = document.get("cluster", Document.class);
        return new Listed(recent, cluster == null ? null : new Cluster(cluster.getString("clusterId"),
            cluster.getDate("formedAt").toInstant(), cluster.getDate("lastMemberAt").toInstant()));
    }
}
