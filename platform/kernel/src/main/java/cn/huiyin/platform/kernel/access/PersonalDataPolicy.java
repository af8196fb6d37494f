package cn.huiyin.platform.kernel.access;

/**
 * Which of a worker's personal and identifying data a caller may see on a grievance they may read at all — the one
 * place every service asks, so that the rule is written once (docs/privacy.md has it as a table).
 *
 * <ul>
 *   <li>A worker who asked for confidentiality (保密) is invisible to an enterprise party organisation of a platform
 *       firm that takes part in handling the case (the firm the worker fears retaliation from): nothing that could
 *       identify them is shown — not the pseudonym, the order number, the exact place and time, their own words,
 *       their files, the history's details or links to their other grievances. The matter itself (category,
 *       description, district) stays visible, so the case can still be handled.</li>
 *   <li>Everyone else who may read the grievance sees name, mobile and resident ID masked, and the rest in full. The
 *       masked mobile shows the carrier prefix only, never digits that could open the worker's self-service.</li>
 *   <li>Name, mobile and ID number in full only to those who must contact the worker ({@link #mayContact}), through a
 *       separate request that is audited before anything is returned.</li>
 * </ul>
 */
public final class PersonalDataPolicy {

    /** Personal or identifying data about the worker on a grievance. */
    public enum Field {
        /** The worker's pseudonym ({@code workerRef}): links all their grievances. */
        PSEUDONYM,
        NAME,
        MOBILE,
        RESIDENT_ID,
        /** The station or 驿站 the worker belongs to. */
        HOME_STATION,
        /** The platform's order number: the firm can look the worker up by it. */
        PLATFORM_ORDER_NUMBER,
        /** The 12345 / 12328 work-order number. */
        HOTLINE_TICKET,
        /** Street address and coordinates (the district or street code stays visible). */
        EXACT_PLACE,
        /** When it happened, to the minute: with the place, the firm can match it to its dispatch records. */
        OCCURRED_AT,
        PREFERRED_CONTACT_TIME,
        /** Who recorded the grievance and where (a window, a 驿站). */
        RECORDER,
        /** The worker's own later words (补充). */
        SUPPLEMENT_TEXT,
        /** Evidence files and their metadata (names, sizes, times). */
        EVIDENCE,
        /** The parameters of history entries (file names, the grievance it was merged into). */
        HISTORY_DETAILS,
        /** Links to the worker's other grievances: merged into, probable duplicates, cluster members. */
        RELATED_GRIEVANCES
    }

    /** How a field is shown. */
    public enum Shown {
        IN_FULL, MASKED, WITHHELD
    }

    /**
     * The caller's standing towards one grievance, as the service holding it knows it.
     *
     * @param confidential         the worker asked for confidentiality
     * @param inTerritory          the grievance's place lies within the caller's jurisdiction
     * @param involved             the caller's organisation handles or co-handles it
     * @param involvedAsEnterprise the caller's organisation takes part as an enterprise party organisation
     */
    public record Standing(boolean confidential, boolean inTerritory, boolean involved, boolean involvedAsEnterprise) {
    }

    private PersonalDataPolicy() {
    }

    public static Shown shown(Caller caller, Standing standing, Field field) {
        if (hidesWorker(standing)) {
            return Shown.WITHHELD;
        }
        return switch (field) {
            case NAME, MOBILE, RESIDENT_ID -> Shown.MASKED;
            default -> Shown.IN_FULL;
        };
    }

    /** Whether nothing identifying the worker may be shown to this caller. */
    public static boolean hidesWorker(Standing standing) {
        return standing.confidential() && standing.involvedAsEnterprise();
    }

    /**
     * Whether the caller may read name, mobile and ID number in full to contact the worker (always audited): callback
     * agents within their territory, handlers and liaisons of an organisation handling the case — never an enterprise
     * the worker asked to be kept from.
     */
    public static boolean mayContact(Caller caller, Standing standing) {
        if (hidesWorker(standing)) {
            return false;
        }
        return caller.has(Roles.CALLBACK_AGENT) && standing.inTerritory()
            || caller.hasAny(Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON) && standing.involved();
    }
}
