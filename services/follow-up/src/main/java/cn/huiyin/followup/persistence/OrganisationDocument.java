package cn.huiyin.followup.persistence;

import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.application.OrganisationEntry;
import cn.huiyin.followup.domain.OrganisationRef;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Follow-up's record of one organisation of triage's registry. */
@Document("organisations")
record OrganisationDocument(@Id String id, String name, String type, String parentId, List<OrganisationRef> ancestors,
                            List<String> jurisdiction, String businessHours, boolean active, long revision,
                            Instant updatedAt) {

    static OrganisationDocument of(OrganisationEntry e) {
        return new OrganisationDocument(e.id(), e.name(), e.type(), e.parentId(), e.ancestors(), e.jurisdiction(),
            e.businessHours(), e.active(), e.revision(), e.updatedAt());
    }

    OrganisationEntry toEntry() {
        return new OrganisationEntry(id, name, type, parentId, ancestors, jurisdiction, businessHours, active, revision,
            updatedAt);
    }
}
