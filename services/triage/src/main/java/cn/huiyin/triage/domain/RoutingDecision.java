package cn.huiyin.triage.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where routing sends a case and why (派单): the lead organisation (主办), the co-handling organisations (协办), the
 * rule and step that chose the lead, and the rules that attached each co-handler; and who else would sit at its joint
 * review (联席会商).
 *
 * @param leadBusinessHours  the lead's business hours, in which the case's deadlines are counted
 * @param deadlines          the case's deadlines with this lead, once counted for a case (null: keep the case's)
 * @param invited            parties a joint review of the case would invite besides lead and co-handlers
 * @param clusterInvitations which parties a cluster's members name are invited too: {@link #ENTERPRISES} (the
 *                           platforms whose workers are affected), {@link #PLACE_MANAGERS}
 */
public record RoutingDecision(OrganisationRef lead, List<OrganisationRef> coHandlers, RuleRef rule,
                              List<RuleRef> coHandlingRules, String leadBusinessHours, Deadlines deadlines,
                              List<JointReviewParty> invited, Set<String> clusterInvitations) {

    /** Cluster members' enterprises are invited. */
    public static final String ENTERPRISES = "ENTERPRISES";
    /** The property managers and operators of the places cluster members name are invited. */
    public static final String PLACE_MANAGERS = "PLACE_MANAGERS";

    public RoutingDecision {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(rule, "rule");
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
        coHandlingRules = coHandlingRules == null ? List.of() : List.copyOf(coHandlingRules);
        invited = invited == null ? List.of() : List.copyOf(invited);
        clusterInvitations = clusterInvitations == null ? Set.of() : Set.copyOf(clusterInvitations);
    }

    public RoutingDecision(OrganisationRef lead, List<OrganisationRef> coHandlers, RuleRef rule,
                           List<RuleRef> coHandlingRules) {
        this(lead, coHandlers, rule, coHandlingRules, null, null, List.of(), Set.of());
    }

    /** The same decision with the case's deadlines counted in the lead's hours. */
    public RoutingDecision withDeadlines(Deadlines counted) {
        return new RoutingDecision(lead, coHandlers, rule, coHandlingRules, leadBusinessHours, counted, invited,
            clusterInvitations);
    }
}
