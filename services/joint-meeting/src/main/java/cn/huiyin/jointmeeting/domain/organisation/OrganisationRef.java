package cn.huiyin.jointmeeting.domain.organisation;

import java.util.Objects;

/**
 * An organisation named so that readers need no registry: id, Chinese name and type as triage's registry gives them
 * ({@code MEMBER_DEPARTMENT}, {@code ENTERPRISE}, {@code STREET}, ...). The type stays a string: the registry may
 * gain types (a property manager, 物业) without this service breaking.
 */
public record OrganisationRef(String id, String name, String type) {

    public OrganisationRef {
        Objects.requireNonNull(id, "id");
    }
}
