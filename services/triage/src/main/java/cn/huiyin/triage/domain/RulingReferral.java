package cn.huiyin.triage.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A case referred for a ruling (终审) after organisations returned it twice: the organisation above them decides who
 * handles it, and its decision binds.
 *
 * @param disputants the organisations that returned the case
 * @param ruledAt    null while the ruling is awaited
 */
public record RulingReferral(OrganisationRef organisation, List<String> disputants, Instant requestedAt,
                             Instant ruledAt, String ruledBy, String reason) {

    public RulingReferral {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(requestedAt, "requestedAt");
        disputants = List.copyOf(disputants);
    }

    public boolean isPending() {
        return ruledAt == null;
    }

    RulingReferral ruled(Instant at, String by, String why) {
        return new RulingReferral(organisation, disputants, requestedAt, at, by, why);
    }
}
