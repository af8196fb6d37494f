package cn.huiyin.triage.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import cn.huiyin.platform.messaging.outbox.AggregateDocument;
import cn.huiyin.triage.domain.Organisation;
import cn.huiyin.triage.domain.OrganisationType;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One organisation of the registry as stored, {@code _id} = organisation id, with its outbox of
 * {@code OrganisationUpdated} events: each organisation is an aggregate, so its updates leave in order. Beside the
 * organisation it keeps what was last published of it ({@code revision}, {@code publishedFingerprint}), and an
 * organisation taken out of the registry stays as {@code removed} so that its last word can still be published.
 */
@Document(MongoOrganisations.COLLECTION)
class OrganisationDocument extends AggregateDocument {

    String name;
    String nameEn;
    OrganisationType type;
    String parentId;
    List<String> jurisdiction;
    Set<String> competences;
    Set<String> workerGroups;
    List<String> aliases;
    String businessHours;
    boolean active;
    List<Organisation.Place> places;
    boolean removed;
    long revision;
    String publishedFingerprint;
    Instant updatedAt;

    OrganisationDocument() {
    }

    Organisation toOrganisation() {
        return new Organisation(getId(), name, nameEn, type, parentId, jurisdiction, competences, workerGroups, aliases,
            businessHours, active, places);
    }
}
