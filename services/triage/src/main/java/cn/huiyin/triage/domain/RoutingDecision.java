package cn.huiyin.triage.domain;

import java.util.List;
import java.util.Objects;

/**
 * Where routing sends a case and why (派单): the lead organisation (主办), the co-handling organisations (协办), the
 * rule and step that chose the lead, and the rules that attached each co-handler.
 */
public record RoutingDecision(OrganisationRef lead, List<OrganisationRef> coHandlers, RuleRef rule,
                              List<RuleRef> coHandlingRules) {

    public RoutingDecision {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(rule, "rule");
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
        coHandlingRules = coHandlingRules == null ? List.of() : List.copyOf(coHandlingRules);
    }
}
