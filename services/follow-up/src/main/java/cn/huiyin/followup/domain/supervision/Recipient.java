package cn.huiyin.followup.domain.supervision;

import cn.huiyin.followup.domain.OrganisationRef;

/**
 * Who a supervision step is addressed to.
 *
 * @param organisationId null only for {@link Role#JURISDICTION_SUPERVISORS}, when the registry has not said who is
 *                       above the handling organisation
 * @param divisionCode   for {@link Role#JURISDICTION_SUPERVISORS}: whose jurisdiction
 */
public record Recipient(String organisationId, String name, String type, Role role, String divisionCode) {

    /** Why this recipient gets the step. */
    public enum Role {
        /** The organisation that handles the case or owns the action item (承办单位). */
        HANDLER,
        /** A co-handling department or co-organiser (协办单位). */
        CO_HANDLER,
        /** The organisation the step escalates to (督办单位). */
        ESCALATED_TO,
        /** The supervisors whose jurisdiction covers the place, when the hierarchy is unknown. */
        JURISDICTION_SUPERVISORS
    }

    public static Recipient of(OrganisationRef organisation, Role role) {
        return new Recipient(organisation.id(), organisation.name(), organisation.type(), role, null);
    }

    public static Recipient supervisorsOf(String divisionCode) {
        return new Recipient(null, "辖区督办人员", null, Role.JURISDICTION_SUPERVISORS, divisionCode);
    }
}
