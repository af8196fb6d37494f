package cn.huiyin.dashboard.persistence;

import java.util.List;

import cn.huiyin.dashboard.application.organisation.Organisations;
import cn.huiyin.dashboard.domain.organisation.RegisteredOrganisation;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's view of the organisation registry, one document per organisation. A save replaces the stored
 * document only if its revision is newer (a pure, order-independent upsert), so redelivery or a replay changes nothing.
 */
@Repository
class MongoOrganisations implements Organisations {

    private static final String COLLECTION = "organisations";

    private final MongoTemplate mongo;

    MongoOrganisations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void save(RegisteredOrganisation organisation) {
        Document document = new Document("_id", organisation.id()).append("name", organisation.name())
            .append("nameEn", organisation.nameEn()).append("type", organisation.type())
            .append("parentId", organisation.parentId()).append("jurisdiction", organisation.jurisdiction())
            .append("active", organisation.active()).append("revision", organisation.revision());
        Query older = new Query(Criteria.where("_id").is(organisation.id()).and("revision").lt(organisation.revision()));
        if (mongo.findAndReplace(older, document, COLLECTION) != null) {
            return;
        }
        try {
            mongo.insert(document, COLLECTION);
        } catch (DuplicateKeyException newerOrSame) {
            // The stored revision is at least as new: nothing to do.
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<RegisteredOrganisation> all() {
        return mongo.findAll(Document.class, COLLECTION).stream().map(d -> new RegisteredOrganisation(
            d.getString("_id"), d.getString("name"), d.getString("nameEn"), d.getString("type"),
            d.getString("parentId"), (List<String>) d.get("jurisdiction"), Boolean.TRUE.equals(d.getBoolean("active")),
            ((Number) d.get("revision")).longValue())).toList();
    }
}
