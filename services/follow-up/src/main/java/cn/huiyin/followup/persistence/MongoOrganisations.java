package cn.huiyin.followup.persistence;

import java.util.Optional;

import cn.huiyin.followup.application.OrganisationDirectory;
import cn.huiyin.followup.application.OrganisationEntry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The organisation view, one document per organisation. A record replaces the stored one only if its revision is
 * newer: the filter pins the id and asks for an older revision, and when a newer one got there meanwhile the upsert's
 * insert fails on the id — an older or repeated event changes nothing.
 */
@Repository
class MongoOrganisations implements OrganisationDirectory {

    private final MongoTemplate mongo;

    MongoOrganisations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void record(OrganisationEntry entry) {
        OrganisationDocument stored = mongo.findById(entry.id(), OrganisationDocument.class);
        if (stored != null && stored.revision() >= entry.revision()) {
            return;
        }
        Query older = new Query(Criteria.where("_id").is(entry.id()).and("revision").lt(entry.revision()));
        try {
            mongo.findAndReplace(older, OrganisationDocument.of(entry), FindAndReplaceOptions.options().upsert());
        } catch (DuplicateKeyException sameOrNewerThere) {
            // A record of this revision or a newer one is stored already.
        }
    }

    @Override
    public Optional<OrganisationEntry> find(String organisationId) {
        return Optional.ofNullable(mongo.findById(organisationId, OrganisationDocument.class))
            .map(OrganisationDocument::toEntry);
    }
}
