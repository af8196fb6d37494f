package cn.huiyin.triage.application;

import java.util.Objects;
import java.util.Set;

/**
 * Who is asking, as the use cases need to know it: username, roles, organisation and jurisdiction (a division code;
 * codes nest by prefix, so the city 510100 covers every code starting 5101).
 */
public record Caller(String username, Set<String> roles, String organisationId, String jurisdiction) {

    public static final String TRIAGE_OFFICER = "TRIAGE_OFFICER";
    public static final String ORG_HANDLER = "ORG_HANDLER";
    public static final String DEPARTMENT_LIAISON = "DEPARTMENT_LIAISON";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String MEETING_CONVENER = "MEETING_CONVENER";
    public static final String ADMIN = "ADMIN";
    public static final String SERVICE = "SERVICE";

    public Caller {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Works on its own organisation's cases: 承办单位经办人, 成员单位联络员, or the convener of its joint meetings. */
    public boolean isOrganisationHandler() {
        return has(ORG_HANDLER) || has(DEPARTMENT_LIAISON) || has(MEETING_CONVENER);
    }

    public boolean covers(String divisionCode) {
        return jurisdiction != null && divisionCode != null && divisionCode.startsWith(jurisdictionPrefix());
    }

    /** The prefix every division code in this jurisdiction starts with; a city's trailing 00 is dropped. */
    public String jurisdictionPrefix() {
        if (jurisdiction == null) {
            return null;
        }
        return jurisdiction.length() == 6 && jurisdiction.endsWith("00") ? jurisdiction.substring(0, 4) : jurisdiction;
    }
}
