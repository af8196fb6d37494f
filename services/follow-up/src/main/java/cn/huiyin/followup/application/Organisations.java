package cn.huiyin.followup.application;

import java.util.List;
import java.util.Optional;

import cn.huiyin.followup.domain.Hierarchy;
import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.followup.domain.clock.WorkingTime;

/**
 * The organisation hierarchy as follow-up sees it: its own view of triage's registry, falling back to the chain triage
 * named in an assignment when the registry has not (yet) told follow-up about an organisation.
 */
public class Organisations {

    private final OrganisationDirectory directory;

    public Organisations(OrganisationDirectory directory) {
        this.directory = directory;
    }

    /** Triage created or changed an organisation. */
    public void updated(OrganisationEntry entry) {
        directory.record(entry);
    }

    /** The organisation and those above it, nearest first. */
    public Hierarchy hierarchyOf(OrganisationRef organisation, List<OrganisationRef> namedByTriage) {
        List<OrganisationRef> ancestors = directory.find(organisation.id()).map(OrganisationEntry::ancestors)
            .filter(a -> !a.isEmpty()).orElse(namedByTriage == null ? List.of() : namedByTriage);
        return new Hierarchy(organisation, ancestors);
    }

    /** The hours an organisation's clocks count in: its office hours per the registry, else the usual ones. */
    public String officeHoursOf(String organisationId) {
        return directory.find(organisationId).map(OrganisationEntry::businessHours).filter(WorkingTime::isValid)
            .orElse(WorkingTime.OFFICE_HOURS);
    }

    /** An organisation as events name it; the id alone when the registry does not know it. */
    public OrganisationRef ref(String organisationId) {
        if (organisationId == null) {
            return null;
        }
        return directory.find(organisationId).map(OrganisationEntry::ref)
            .orElse(new OrganisationRef(organisationId, organisationId, null));
    }

    public Optional<OrganisationEntry> find(String organisationId) {
        return organisationId == null ? Optional.empty() : directory.find(organisationId);
    }
}
