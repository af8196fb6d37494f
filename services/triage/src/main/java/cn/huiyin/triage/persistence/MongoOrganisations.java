package cn.huiyin.triage.persistence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.huiyin.platform.messaging.outbox.AggregateStore;
import cn.huiyin.triage.application.OrganisationStore;
import cn.huiyin.triage.domain.Organisation;
import cn.huiyin.triage.domain.OrganisationUpdated;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The organisation registry: one document per organisation ({@code _id} = organisation id), each an aggregate with
 * the outbox of its {@code OrganisationUpdated} events, and a revision counter that moves with every edit so that
 * other instances notice and reload. Every write to an organisation counts its version up, so a publication prepared
 * from an older read can never overwrite a newer edit.
 */
@Repository
class MongoOrganisations implements OrganisationStore {

    static final String COLLECTION = "organisations";
    private static final String META = "registry_meta";

    private final MongoTemplate mongo;
    private final AggregateStore aggregates;

    MongoOrganisations(MongoTemplate mongo, AggregateStore aggregates) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        // Organisations stored before they carried an outbox start at version 0, as a new aggregate would.
        mongo.updateMulti(new Query(Criteria.where("version").exists(false)), new Update().set("version", 0L), COLLECTION);
    }

    @Override
    public List<Organisation> loadAll() {
        return mongo.find(new Query(Criteria.where("removed").ne(true)), OrganisationDocument.class, COLLECTION).stream()
            .map(OrganisationDocument::toOrganisation).toList();
    }

    @Override
    public long revision() {
        Document meta = mongo.getCollection(META).find(new Document("_id", "registry")).first();
        return meta == null ? 0 : meta.get("revision", Number.class).longValue();
    }

    @Override
    public void save(Organisation organisation) {
        write(organisation);
        bump();
    }

    @Override
    public void replaceAll(List<Organisation> organisations) {
        Set<String> kept = new HashSet<>();
        organisations.forEach(org -> {
            write(org);
            kept.add(org.id());
        });
        mongo.updateMulti(new Query(Criteria.where("_id").nin(kept).and("removed").ne(true)),
            new Update().set("removed", true).inc("version", 1), COLLECTION);
        bump();
    }

    @Override
    public Map<String, Publication> publications() {
        Query query = new Query();
        query.fields().include("revision").include("publishedFingerprint");
        Map<String, Publication> found = new HashMap<>();
        mongo.find(query, Document.class, COLLECTION).forEach(document -> found.put(document.getString("_id"),
            new Publication(document.get("revision", Number.class) == null ? 0
                : document.get("revision", Number.class).longValue(), document.getString("publishedFingerprint"))));
        return found;
    }

    @Override
    public List<Organisation> removed() {
        return mongo.find(new Query(Criteria.where("removed").is(true)), OrganisationDocument.class, COLLECTION).stream()
            .map(OrganisationDocument::toOrganisation).toList();
    }

    @Override
    public boolean publish(String organisationId, long readRevision, String fingerprint, OrganisationUpdated event) {
        OrganisationDocument document = mongo.findById(organisationId, OrganisationDocument.class, COLLECTION);
        if (document == null || document.revision != readRevision) {
            return false;
        }
        document.revision = event.revision();
        document.publishedFingerprint = fingerprint;
        document.updatedAt = event.updatedAt();
        try {
            aggregates.update(document, List.of(event));
            return true;
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            return false;
        }
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

    /** The organisation's fields, leaving its version counted up and its outbox and publications as they are. */
    private void write(Organisation org) {
        Update update = new Update()
            .set("name", org.name()).set("nameEn", org.nameEn()).set("type", org.type()).set("parentId", org.parentId())
            .set("jurisdiction", org.jurisdiction()).set("competences", org.competences())
            .set("workerGroups", org.workerGroups()).set("aliases", org.aliases())
            .set("businessHours", org.businessHours()).set("active", org.active()).set("places", org.places())
            .set("removed", false)
            .inc("version", 1)
            .setOnInsert("revision", 0L)
            .setOnInsert("outbox", List.of());
        mongo.upsert(new Query(Criteria.where("_id").is(org.id())), update, COLLECTION);
    }

    private void bump() {
        mongo.getCollection(META).findOneAndUpdate(new Document("_id", "registry"),
            new Document("$inc", new Document("revision", 1L)),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    }
}
