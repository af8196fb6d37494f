package cn.huiyin.triage.application;

import java.util.Set;

import cn.huiyin.triage.domain.TriageState;
import cn.huiyin.triage.domain.Urgency;

/**
 * What a staff member may search and what they asked for. Exactly one of {@code divisionPrefix} (a triage officer's
 * jurisdiction) and {@code leadOrganisations} (a supervisor's organisation and those below it) limits the search.
 */
public record CaseSearch(String divisionPrefix, Set<String> leadOrganisations, TriageState state, String category,
                         Urgency urgency, Flag flag) {

    /** Cases that need a person's attention. */
    public enum Flag {
        /** A probable duplicate nobody has decided on (疑似重复件). */
        DUPLICATE,
        /** The keyword rules were unsure of the category (待确认分类). */
        LOW_CONFIDENCE,
        /** Needs or requested a joint review (联席会商). */
        JOINT_REVIEW,
        /** Not signed for by the response deadline (超时未签收). */
        OVERDUE_TO_ACCEPT
    }
}
