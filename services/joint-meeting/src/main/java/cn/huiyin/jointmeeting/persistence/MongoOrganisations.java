package cn.huiyin.jointmeeting.persistence;

import java.util.List;
import java.util.Optional;

import cn.huiyin.jointmeeting.application.OrganisationStore;
import cn.huiyin.jointmeeting.domain.organisation.KnownOrganisation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Repository;

/** Joint-meeting's view of the organisation registry, one document per organisation, written whole. */
@Repository
class MongoOrganisations implements OrganisationStore {

    @Document("organisations")
    static class OrganisationDocument {
        @Id
        String id;
        KnownOrganisation organisation;
    }

    private final MongoTemplate mongo;

    MongoOrganisations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<KnownOrganisation> find(String id) {
        return Optional.ofNullable(mongo.findById(id, OrganisationDocument.class)).map(d -> d.organisation);
    }

    @Override
    public List<KnownOrganisation> all() {
        return mongo.findAll(OrganisationDocument.class).stream().map(d -> d.organisation).toList();
    }

    @Override
    public void save(KnownOrganisation organisation) {
        OrganisationDocument document = new OrganisationDocument();
        document.id = organisation.id();
        document.organisation = organisation;
        mongo.save(document);
    }
}
