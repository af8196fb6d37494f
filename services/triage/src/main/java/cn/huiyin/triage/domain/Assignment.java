package cn.huiyin.triage.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One assignment of a case to a lead organisation (派单), with its co-handlers, why it was made and how it ended.
 *
 * @param attempt  1 for the first assignment, counting up with every re-routing
 * @param binding  made by a ruling (终审): the organisation may not return it
 * @param accepted set once the organisation signed for it
 * @param returned set once the organisation returned it
 * @param invited            who a joint review of the case invites besides lead and co-handlers
 * @param clusterInvitations which parties named by the members of the case's clusters are invited too
 */
public record Assignment(int attempt, OrganisationRef organisation, List<OrganisationRef> coHandlers,
                         AssignmentBasis basis, RuleRef rule, List<RuleRef> coHandlingRules, Instant assignedAt,
                         String assignedBy, boolean binding, AssignmentStatus status, Acceptance accepted,
                         Return returned, Instant endedAt, List<JointReviewParty> invited,
                         Set<String> clusterInvitations) {

    public Assignment {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(assignedAt, "assignedAt");
        Objects.requireNonNull(status, "status");
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
        coHandlingRules = coHandlingRules == null ? List.of() : List.copyOf(coHandlingRules);
        invited = invited == null ? List.of() : List.copyOf(invited);
        clusterInvitations = clusterInvitations == null ? Set.of() : Set.copyOf(clusterInvitations);
    }

    /** Who signed for it and when (签收). */
    public record Acceptance(Instant at, String by, boolean late) {
    }

    /** Who returned it, when and why (退单). */
    public record Return(Instant at, String by, ReturnReason reason, String explanation, String suggestedOrganisationId) {
    }

    static Assignment of(int attempt, RoutingDecision decision, AssignmentBasis basis, Instant at, String by,
                         boolean binding) {
        return new Assignment(attempt, decision.lead(), decision.coHandlers(), basis, decision.rule(),
            decision.coHandlingRules(), at, by, binding, AssignmentStatus.PENDING, null, null, null, decision.invited(),
            decision.clusterInvitations());
    }

    Assignment accept(Instant at, String by, boolean late) {
        return new Assignment(attempt, organisation, coHandlers, basis, rule, coHandlingRules, assignedAt, assignedBy,
            binding, AssignmentStatus.ACCEPTED, new Acceptance(at, by, late), null, null, invited, clusterInvitations);
    }

    Assignment returnedBy(Return what) {
        return new Assignment(attempt, organisation, coHandlers, basis, rule, coHandlingRules, assignedAt, assignedBy,
            binding, AssignmentStatus.RETURNED, accepted, what, what.at(), invited, clusterInvitations);
    }

    Assignment end(AssignmentStatus how, Instant at) {
        return new Assignment(attempt, organisation, coHandlers, basis, rule, coHandlingRules, assignedAt, assignedBy,
            binding, how, accepted, returned, at, invited, clusterInvitations);
    }

    public boolean isOpen() {
        return status == AssignmentStatus.PENDING || status == AssignmentStatus.ACCEPTED;
    }
}
