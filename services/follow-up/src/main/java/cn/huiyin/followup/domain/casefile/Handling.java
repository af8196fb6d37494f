package cn.huiyin.followup.domain.casefile;

import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.domain.Hierarchy;
import cn.huiyin.followup.domain.OrganisationRef;

/**
 * Who handles the case, as triage assigned it: the lead (主办), the co-handling departments (协办), the chain above the
 * lead when triage named it, and whether the lead has signed for it (签收).
 *
 * @param ancestors      the organisations above the lead, nearest first, as triage's {@code GrievanceAssigned} gave them
 * @param awaitingRuling returned twice: the organisation above rules on who handles it (终审)
 */
public record Handling(OrganisationRef lead, List<OrganisationRef> coHandlers, List<OrganisationRef> ancestors,
                       int attempt, Instant assignedAt, Instant signedForAt, boolean awaitingRuling) {

    public Handling {
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
        ancestors = ancestors == null ? List.of() : List.copyOf(ancestors);
    }

    public boolean isLead(String organisationId) {
        return lead != null && lead.is(organisationId);
    }

    public boolean isCoHandler(String organisationId) {
        return coHandlers.stream().anyMatch(o -> o.is(organisationId));
    }

    /** The lead or a co-handler: the organisations that may not evaluate their own work. */
    public boolean involves(String organisationId) {
        return isLead(organisationId) || isCoHandler(organisationId);
    }

    public Hierarchy hierarchy() {
        return new Hierarchy(lead, ancestors);
    }

    Handling signedFor(Instant at) {
        return new Handling(lead, coHandlers, ancestors, attempt, assignedAt, at, false);
    }

    Handling returned(boolean referredForRuling) {
        return new Handling(lead, coHandlers, ancestors, attempt, assignedAt, null, referredForRuling);
    }
}
