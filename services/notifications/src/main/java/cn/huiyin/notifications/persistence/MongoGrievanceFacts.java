package cn.huiyin.notifications.persistence;

import java.util.Optional;

import cn.huiyin.notifications.application.GrievanceFacts;
import cn.huiyin.notifications.application.GrievanceFactsStore;
import org.bson.Document;
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

    private void set(String grievanceId, String field, boolean value) {
        mongo.upsert(new Query(Criteria.where("_id").is(grievanceId)), new Update().set(field, value), COLLECTION);
    }
}
