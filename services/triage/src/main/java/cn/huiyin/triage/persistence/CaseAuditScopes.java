package cn.huiyin.triage.persistence;

import java.util.Optional;

import cn.huiyin.platform.service.audit.AuditScopes;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** The place of a case's grievance, so that triage's audit trail answers each supervisor for their jurisdiction. */
@Repository
class CaseAuditScopes implements AuditScopes {

    private final MongoTemplate mongo;

    CaseAuditScopes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<String> divisionOf(String grievanceId) {
        Document found = mongo.getCollection("cases").find(new Document("_id", grievanceId))
            .projection(new Document("grievance.divisionCode", 1)).first();
        Document grievance = found == null ? null : found.get("grievance", Document.class);
        return Optional.ofNullable(grievance == null ? null : grievance.getString("divisionCode"));
    }
}
