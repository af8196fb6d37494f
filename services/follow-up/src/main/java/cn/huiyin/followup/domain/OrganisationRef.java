package cn.huiyin.followup.domain;

import java.util.Objects;

/**
 * An organisation as cases and events name it (id, name, type), so a reader needs no registry to understand it.
 *
 * @param type e.g. {@code STREET}, {@code INDUSTRY_COMMITTEE} (triage's registry types, kept as text)
 */
public record OrganisationRef(String id, String name, String type) {

    public OrganisationRef {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
    }

    public boolean is(String organisationId) {
        return id.equals(organisationId);
    }
}
