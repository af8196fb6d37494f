package cn.huiyin.dashboard.domain.organisation;

import java.util.List;

/**
 * An organisation of triage's registry as the dashboard keeps it (from {@code OrganisationUpdated}): enough to roll
 * figures up the hierarchy and to name rows.
 *
 * @param parentId  the organisation directly above, or null at the top
 * @param revision  the registry's revision; an older one never replaces a newer
 */
public record RegisteredOrganisation(String id, String name, String nameEn, String type, String parentId,
                                     List<String> jurisdiction, boolean active, long revision) {

    public RegisteredOrganisation {
        jurisdiction = jurisdiction == null ? List.of() : List.copyOf(jurisdiction);
    }
}
