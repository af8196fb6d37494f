package cn.huiyin.triage.domain;

import java.util.List;
import java.util.Objects;

/**
 * Where routing sends a case and why (派单): the lead organisation (主办), the co-handling organisations (协办), the
 * rule and step that chose the lead, and the rules that attached each co-handler.
 *
 * @param leadBusinessHours the lead's business hours, in which the case's deadlines are counted
 * @param deadlines         the case's deadlines with this lead, once counted for a case (null: keep the case's)
 */
public record RoutingDecision(OrganisationRef lead, List<OrganisationRef> coHandlers, RuleRef rule,
                              List<RuleRef> coHandlingRules, String leadBusinessHours, Deadlines deadlines) {

    public RoutingDecision {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(rule, "rule");
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
        coHandlingRules = coHandlingRules == null ? List.of() : List.copyOf(coHandlingRules);
    }

    public RoutingDecision(OrganisationRef lead, List<OrganisationRef> coHandlers, RuleRef rule,
                           List<RuleRef> coHandlingRules) {
        this(lead, coHandlers, rule, coHandlingRules, null, null);
    }

    /** The same decision with the case's deadlines counted in the lead's hours. */
    public RoutingDecision withDeadlines(Deadlines counted) {
        return new RoutingDecision(lead, coHandlers, rule, coHandlingRules, leadBusinessHours, counted);
    }
}
