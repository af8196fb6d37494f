package cn.huiyin.triage.persistence;

import java.util.List;
import java.util.Optional;

import cn.huiyin.triage.application.OrganisationStore;
import cn.huiyin.triage.domain.Organisation;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.MongoWriteException;
import com.mongodb.client.result.UpdateResult;
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

    @Override
    public Optional<String> appliedFile() {
        Document meta = mongo.getCollection(META).find(new Document("_id", "registry")).first();
        return Optional.ofNullable(meta == null ? null : meta.getString("file"));
    }

    @Override
    public boolean recordAppliedFile(String expected, String fingerprint) {
        // Compare and set: of several instances loading the same file at once, one records it.
        Document filter = new Document("_id", "registry").append("file", expected);
        try {
            UpdateResult result = mongo.getCollection(META).updateOne(filter,
                new Document("$set", new Document("file", fingerprint)), new UpdateOptions().upsert(expected == null));
            return result.getMatchedCount() == 1 || result.getUpsertedId() != null;
        } catch (MongoWriteException raced) {
            // The meta document exists with another file: someone else recorded theirs.
            return false;
        }
    }

    private void bump() {
        mongo.getCollection(META).findOneAndUpdate(new Document("_id", "registry"),
            new Document("$inc", new Document("revision", 1L)),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    }
}
