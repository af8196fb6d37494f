package cn.huiyin.notifications.persistence;

import java.time.Instant;

import cn.huiyin.notifications.application.Consents;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The workers' opt-outs ({@code consents}), one document per grievance, by {@code $set} upsert. */
@Repository
class MongoConsents implements Consents {

    private static final String COLLECTION = "consents";

    private final MongoTemplate mongo;

    MongoConsents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void record(String grievanceId, boolean optedOut, Instant at, String by) {
        mongo.upsert(new Query(Criteria.where("_id").is(grievanceId)),
            new Update().set("optedOut", optedOut).set("changedAt", at).set("changedBy", by), COLLECTION);
    }

    @Override
    public boolean optedOut(String grievanceId) {
        Document found = mongo.findById(grievanceId, Document.class, COLLECTION);
        return found != null && Boolean.TRUE.equals(found.getBoolean("optedOut"));
    }
}
