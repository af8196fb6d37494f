package cn.huiyin.followup.application;

import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.domain.OrganisationRef;

/**
 * Follow-up's own record of one organisation of triage's registry ({@code cn.huiyin.triage.OrganisationUpdated.v1}):
 * what escalation, extension approval and clocks need.
 *
 * @param ancestors     the organisations above, nearest first
 * @param businessHours e.g. {@code 09:00-12:00,13:30-17:30}, or {@code 24x7}
 * @param revision      the registry's revision; an older one never overwrites a newer one
 */
public record OrganisationEntry(String id, String name, String type, String parentId, List<OrganisationRef> ancestors,
                                List<String> jurisdiction, String businessHours, boolean active, long revision,
                                Instant updatedAt) {

    public OrganisationEntry {
        ancestors = ancestors == null ? List.of() : List.copyOf(ancestors);
        jurisdiction = jurisdiction == null ? List.of() : List.copyOf(jurisdiction);
    }

    public OrganisationRef ref() {
        return new OrganisationRef(id, name, type);
    }
}
