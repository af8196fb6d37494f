package cn.huiyin.intake.persistence;

import java.util.Optional;

import cn.huiyin.platform.service.audit.AuditScopes;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** The place of a grievance for the audit trail's jurisdiction: its division code, read without decrypting anything. */
@Repository
class MongoAuditScopes implements AuditScopes {

    private final MongoTemplate mongo;

    MongoAuditScopes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<String> divisionOf(String grievanceId) {
        Document found = mongo.getCollection("grievances").find(new Document("_id", grievanceId))
            .projection(new Document("place.divisionCode", 1)).first();
        Document place = found == null ? null : found.get("place", Document.class);
        return Optional.ofNullable(place == null ? null : place.getString("divisionCode"));
    }
}
