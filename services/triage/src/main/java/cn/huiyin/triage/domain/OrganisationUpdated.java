package cn.huiyin.triage.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An organisation of the registry as other services keep it (组织名录变更): everything they route, escalate or
 * count by, with the organisations above it so that nobody needs a look-up to escalate. Published as
 * {@code cn.huiyin.triage.OrganisationUpdated.v1} on {@code huiyin.triage.organisation.v1}, keyed by organisation id,
 * whenever it is created or changes, including when an organisation above it is renamed; the one with the highest
 * revision per key is the organisation now. An organisation taken out of the registry is published once more as
 * inactive, so views drop it from new work and keep its history.
 *
 * @param ancestors nearest first, up to the city
 * @param revision  counts up with every publication of this organisation, from 1
 */
public record OrganisationUpdated(String organisationId, String name, String nameEn, OrganisationType type,
                                  String parentId, List<OrganisationRef> ancestors, List<String> jurisdiction,
                                  List<String> competences, List<String> workerGroups, String businessHours,
                                  boolean active, long revision, Instant updatedAt) {

    public OrganisationUpdated {
        Objects.requireNonNull(organisationId, "organisationId");
        ancestors = List.copyOf(ancestors);
        jurisdiction = List.copyOf(jurisdiction);
        competences = List.copyOf(competences);
        workerGroups = List.copyOf(workerGroups);
    }

    /**
     * What would be published of {@code organisation} now, before it gets its revision and time; equal contents mean
     * nothing changed.
     *
     * @param ancestors the organisations above it, nearest first
     * @param removed   whether it was taken out of the registry (then it is published as inactive)
     */
    public static OrganisationUpdated of(Organisation organisation, List<Organisation> ancestors, boolean removed) {
        return new OrganisationUpdated(organisation.id(), organisation.name(), organisation.nameEn(), organisation.type(),
            organisation.parentId(), ancestors.stream().map(Organisation::ref).toList(), organisation.jurisdiction(),
            organisation.competences().stream().sorted().toList(), organisation.workerGroups().stream().sorted().toList(),
            organisation.businessHours(), organisation.active() && !removed, 0, null);
    }

    /** The same contents as publication number {@code revision}. */
    public OrganisationUpdated published(long revision, Instant at) {
        return new OrganisationUpdated(organisationId, name, nameEn, type, parentId, ancestors, jurisdiction, competences,
            workerGroups, businessHours, active, revision, at);
    }

    /** The contents without revision and time, to tell whether anything changed since the last publication. */
    public String contents() {
        return published(0, null).toString();
    }
}
