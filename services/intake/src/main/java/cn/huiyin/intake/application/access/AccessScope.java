package cn.huiyin.intake.application.access;

import cn.huiyin.platform.kernel.access.Jurisdiction;

/**
 * Which grievances a caller may see, as a query can express it: those whose place lies in a territory (clerks,
 * operators, triage officers, supervisors, callback agents) or those an organisation handles or co-handles
 * (organisation handlers, department liaisons). A scope can be empty: a missing jurisdiction or organisation covers
 * nothing, and a query with an empty scope is not even run.
 */
public record AccessScope(Jurisdiction territory, String handlingOrg) {

    public static AccessScope territory(Jurisdiction territory) {
        return new AccessScope(territory == null ? Jurisdiction.NONE : territory, null);
    }

    public static AccessScope handledBy(String org) {
        return new AccessScope(null, org);
    }

    public boolean isEmpty() {
        return handlingOrg == null && (territory == null || territory.isNone());
    }

    /** The division-code prefix of a territorial scope; null for an organisation's scope. */
    public String divisionPrefix() {
        return territory == null ? null : territory.prefix();
    }
}
