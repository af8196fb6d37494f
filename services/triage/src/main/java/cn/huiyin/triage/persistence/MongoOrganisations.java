package cn.huiyin.triage.persistence;

import java.util.List;

import cn.huiyin.triage.application.OrganisationStore;
import cn.huiyin.triage.domain.Organisation;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The organisation registry: one document per organisation ({@code _id} = organisation id) and a revision counter
 * that moves with every edit, so that other instances notice and reload.
 */
@Repository
class MongoOrganisations implements OrganisationStore {

    static final String COLLECTION = "organisations";
    private static final String META = "registry_meta";

    private final MongoTemplate mongo;

    MongoOrganisations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<Organisation> loadAll() {
        return mongo.findAll(Organisation.class, COLLECTION);
    }

    @Override
    public long revision() {
        Document meta = mongo.getCollection(META).find(new Document("_id", "registry")).first();
        return meta == null ? 0 : meta.get("revision", Number.class).longValue();
    }

    @Override
    public void save(Organisation organisation) {
        mongo.save(organisation, COLLECTION);
        bump();
    }

    @Override
    public void replaceAll(List<Organisation> organisations) {
        mongo.remove(new Query(), COLLECTION);
        mongo.insert(organisations, COLLECTION);
        bump();
    }

    private void bump() {
        mongo.getCollection(META).findOneAndUpdate(new Document("_id", "registry"),
            new Document("$inc", new Document("revision", 1L)),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    }
}
