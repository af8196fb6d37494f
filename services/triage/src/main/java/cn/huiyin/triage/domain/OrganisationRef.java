package cn.huiyin.triage.domain;

import java.util.Objects;

/** An organisation as cases and events name it: id, name and type, so readers need no registry to understand. */
public record OrganisationRef(String id, String name, OrganisationType type) {

    public OrganisationRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
