package cn.huiyin.jointmeeting.domain.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import cn.huiyin.platform.calendar.BusinessHours;

/**
 * Joint-meeting's view of one organisation of triage's registry (组织名录), kept from
 * {@code cn.huiyin.triage.OrganisationUpdated.v1}: who may be invited, who may lead an action item, who convenes.
 *
 * @param ancestors the organisations above it, nearest first
 * @param revision  the registry's revision of it; an older one never overwrites a newer one
 */
public record KnownOrganisation(String id, String name, String nameEn, String type, String parentId,
                                List<OrganisationRef> ancestors, List<String> jurisdiction, String businessHours,
                                boolean active, long revision, Instant updatedAt) {

    /** Organisations that lead a territory or an industry and so convene joint meetings (召集单位). */
    private static final Set<String> CONVENING_TYPES = Set.of("CITY_WORK_DEPARTMENT", "INDUSTRY_COMMITTEE", "DISTRICT",
        "STREET", "COMMUNITY");
    /** Firms at the table: platform companies' party organisations and property managers (物业). */
    private static final Set<String> ENTERPRISE_TYPES = Set.of("ENTERPRISE", "PROPERTY_MANAGER");

    public KnownOrganisation {
        ancestors = ancestors == null ? List.of() : List.copyOf(ancestors);
        jurisdiction = jurisdiction == null ? List.of() : List.copyOf(jurisdiction);
    }

    public OrganisationRef ref() {
        return new OrganisationRef(id, name, type);
    }

    public boolean isEnterprise() {
        return ENTERPRISE_TYPES.contains(type);
    }

    /** A department, committee or territorial organisation: anything at the table that is not a firm or a window. */
    public boolean isDepartment() {
        return !isEnterprise() && !"INTAKE_POINT".equals(type);
    }

    public boolean convenes() {
        return CONVENING_TYPES.contains(type);
    }

    public static boolean convenes(OrganisationRef ref) {
        return ref != null && CONVENING_TYPES.contains(ref.type());
    }

    /** Its office hours, by which an action item's due time is the close of business; standard hours if unreadable. */
    public BusinessHours hours() {
        if (businessHours == null || businessHours.isBlank()) {
            return BusinessHours.STANDARD;
        }
        try {
            return BusinessHours.parse(businessHours);
        } catch (IllegalArgumentException unreadable) {
            return BusinessHours.STANDARD;
        }
    }

    /** Whether this version of the organisation is newer than {@code other} (or there is no other). */
    public boolean supersedes(KnownOrganisation other) {
        return other == null || revision > other.revision;
    }
}
