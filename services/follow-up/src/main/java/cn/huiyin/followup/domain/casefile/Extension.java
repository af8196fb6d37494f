package cn.huiyin.followup.domain.casefile;

import java.time.Instant;

import cn.huiyin.followup.domain.OrganisationRef;

/**
 * 延期: a request for more time, made before the deadline with a reason, and the decision of the organisation above.
 *
 * @param approved null while undecided
 */
public record Extension(String extensionId, Instant requestedAt, String requestedBy, String reason,
                        Instant fromDueAt, Instant requestedDueAt, OrganisationRef decidingOrganisation,
                        Boolean approved, Instant decidedAt, String decidedBy, OrganisationRef decidedByOrganisation,
                        String decisionNote) {

    public boolean isPending() {
        return approved == null;
    }

    Extension decided(boolean approve, Instant at, String by, OrganisationRef organisation, String note) {
        return new Extension(extensionId, requestedAt, requestedBy, reason, fromDueAt, requestedDueAt,
            decidingOrganisation, approve, at, by, organisation, note);
    }
}
