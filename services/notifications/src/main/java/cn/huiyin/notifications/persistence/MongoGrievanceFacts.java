package cn.huiyin.notifications.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import cn.huiyin.notifications.application.GrievanceFacts;
import cn.huiyin.notifications.application.GrievanceFactsStore;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Grievance facts ({@code grievance_facts}), one document per grievance, written by idempotent {@code $set} upserts. */
@Repository
class MongoGrievanceFacts implements GrievanceFactsStore {

    private static final String COLLECTION = "grievance_facts";

    private final MongoTemplate mongo;

    MongoGrievanceFacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void recordSubmitted(String grievanceId, String workerRef, String divisionCode, boolean confidential) {
        mongo.upsert(new Query(Criteria.where("_id").is(grievanceId)), new Update().set("workerRef", workerRef)
            .set("divisionCode", divisionCode).set("confidential", confidential), COLLECTION);
    }

    @Override
    public void recordUrgent(String grievanceId, boolean urgent) {
        set(grievanceId, "urgent", urgent);
    }

    @Override
    public Optional<GrievanceFacts> find(String grievanceId) {
        Document found = mongo.findById(grievanceId, Document.class, COLLECTION);
        return Optional.ofNullable(found).map(d -> new GrievanceFacts(grievanceId, d.getString("workerRef"),
            d.getString("divisionCode"),
            d.getBoolean("confidential"),
            d.getBoolean("urgent")));
    }

    @Override
    public void recordCallbackDue(String grievanceId, Instant resolvedAt, Instant callbackDueAt) {
        mongo.upsert(new Query(Criteria.where("_id").is(grievanceId)), new Update().set("resolvedAt", resolvedAt)
            .set("callbackDueAt", callbackDueAt), COLLECTION);
    }

    @Override
    public void recordCallbackSettled(String grievanceId, Instant at) {
        mongo.upsert(new Query(Criteria.where("_id").is(grievanceId)), new Update().set("callbackSettledAt", at),
            COLLECTION);
    }

    /**
     * Settled means closed or reopened after the last resolution, compared here rather than by clearing the due date:
     * a resolution redelivered after the closure then cannot bring its callback back.
     */
    @Override
    public List<String> callbacksDueBy(Instant end) {
        Query query = new Query(Criteria.where("callbackDueAt").lte(end)).with(Sort.by("callbackDueAt", "_id"));
        return mongo.find(query, Document.class, COLLECTION).stream().filter(d -> {
            Date settled = d.getDate("callbackSettledAt");
            Date resolved = d.getDate("resolvedAt");
            return settled == null || resolved != null && settled.before(resolved);
        }).map(d -> d.getString("_id")).toList();
    }

    private void set(String grievanceId, String field, boolean value) {
        mongo.upsert(new Query(Criteria.where("_id").is(grievanceId)), new Update().set(field, value), COLLECTION);
    }
}
