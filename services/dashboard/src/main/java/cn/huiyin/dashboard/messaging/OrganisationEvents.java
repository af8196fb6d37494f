package cn.huiyin.dashboard.messaging;

import java.time.Instant;
import java.util.List;

import cn.huiyin.dashboard.domain.organisation.RegisteredOrganisation;

/** The dashboard's reading of triage's {@code OrganisationUpdated} ({@code huiyin.triage.organisation.v1}). */
final class OrganisationEvents {

    static final String TYPE = "cn.huiyin.triage.OrganisationUpdated.v1";

    record OrganisationUpdated(String organisationId, String name, String nameEn, String type, String parentId,
                               List<String> jurisdiction, Boolean active, Long revision, Instant updatedAt) {

        RegisteredOrganisation toRegistered() {
            return new RegisteredOrganisation(Events.required(organisationId, "organisationId"), name, nameEn, type,
                parentId, jurisdiction, !Boolean.FALSE.equals(active), Events.required(revision, "revision"));
        }
    }

    private OrganisationEvents() {
    }
}
