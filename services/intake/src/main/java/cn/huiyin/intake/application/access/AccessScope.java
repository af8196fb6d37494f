package cn.huiyin.intake.application;

/**
 * Which grievances a caller may see, as a query can express it: those whose place lies under a division prefix
 * (clerks, operators, triage officers, supervisors, callback agents) or those their organisation handles or
 * co-handles (organisation handlers, department liaisons).
 */
public record AccessScope(String divisionPrefix, String handlingOrg) {

    public static AccessScope territory(String divisionPrefix) {
        return new AccessScope(divisionPrefix, null);
    }

    public static AccessScope handledBy(String org) {
        return new AccessScope(null, org);
    }
}
