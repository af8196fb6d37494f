package cn.huiyin.followup.domain;

import java.util.List;
import java.util.Optional;

/**
 * An organisation and the organisations above it in the channel of responsibility, nearest first
 * (社区 → 街道 → 区 → 市). Escalation (督办) and extension approval go up this chain.
 *
 * @param ancestors empty when the registry has not told follow-up who is above
 */
public record Hierarchy(OrganisationRef organisation, List<OrganisationRef> ancestors) {

    public Hierarchy {
        ancestors = ancestors == null ? List.of() : List.copyOf(ancestors);
    }

    /** The organisation {@code levels} above (1 = the parent); empty above the top or when the chain is unknown. */
    public Optional<OrganisationRef> above(int levels) {
        return levels >= 1 && levels <= ancestors.size() ? Optional.of(ancestors.get(levels - 1)) : Optional.empty();
    }

    /** The organisation {@code levels} above, or the topmost one known when the chain is shorter. */
    public Optional<OrganisationRef> atMost(int levels) {
        return ancestors.isEmpty() ? Optional.empty() : Optional.of(ancestors.get(Math.min(levels, ancestors.size()) - 1));
    }

    public boolean isKnown() {
        return !ancestors.isEmpty();
    }

    /** Whether {@code organisationId} is above this organisation (any level). */
    public boolean isAbove(String organisationId) {
        return organisationId != null && ancestors.stream().anyMatch(a -> a.is(organisationId));
    }
}
