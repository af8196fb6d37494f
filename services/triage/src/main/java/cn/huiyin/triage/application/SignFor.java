package cn.huiyin.triage.application;

import java.time.Clock;

import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.triage.domain.Organisation;
import cn.huiyin.triage.domain.OrganisationRegistry;
import cn.huiyin.triage.domain.ReturnReason;
import cn.huiyin.triage.domain.RuleRef;
import cn.huiyin.triage.domain.TriageCase;

/**
 * Sign-for and return (签收 / 退单) by the organisation a case is assigned to, and the ruling (终审) of the organisation
 * above after two returns. Only the assigned organisation may sign for or return; anyone else gets a conflict that
 * says where the case is.
 */
public class SignFor {

    private final CaseChanges changes;
    private final TriagePolicy policy;
    private final Registry registry;
    private final Clock clock;

    public SignFor(TriageCases cases, Inboxes inboxes, TriagePolicy policy, Registry registry, Clock clock) {
        this.changes = new CaseChanges(cases, inboxes);
        this.policy = policy;
        this.registry = registry;
        this.clock = clock;
    }

    public TriageCase accept(Caller caller, String grievanceId) {
        TriageCase triageCase = changes.load(grievanceId);
        return changes.change(triageCase, c -> c.accept(caller.organisationId(), caller.username(), clock.instant()));
    }

    /** @param suggestedOrganisationId optional: where the returning organisation thinks the case belongs */
    public TriageCase returnCase(Caller caller, String grievanceId, ReturnReason reason, String explanation,
                                 String suggestedOrganisationId) {
        TriageCase triageCase = changes.load(grievanceId);
        if (suggestedOrganisationId != null) {
            registry.current().require(suggestedOrganisationId);
        }
        return changes.change(triageCase, c -> c.returnCase(caller.organisationId(), reason, explanation,
            suggestedOrganisationId, caller.username(), clock.instant(), policy.rerouting(c)));
    }

    /** The ruling: {@code organisationId} handles the case, and may not return it. */
    public TriageCase rule(Caller caller, String grievanceId, String organisationId, String reason) {
        TriageCase triageCase = changes.load(grievanceId);
        OrganisationRegistry current = registry.current();
        Organisation chosen = requireCanLead(current, organisationId);
        boolean mayRule = caller.organisationId() != null && triageCase.ruling()
            .map(r -> current.isSelfOrAbove(caller.organisationId(), r.organisation().id())).orElse(false);
        String rulingBody = triageCase.ruling().map(r -> r.organisation().name()).orElse(caller.organisationId());
        RuleRef why = new RuleRef("ruling", rulingBody + " 终审裁定：" + reason, "Ruling of " + rulingBody + ": " + reason);
        return changes.change(triageCase, c -> c.rule(mayRule, policy.named(c, chosen, why), reason,
            caller.username(), clock.instant()));
    }

    static Organisation requireCanLead(OrganisationRegistry registry, String organisationId) {
        Organisation org = registry.require(organisationId);
        if (!org.active() || !org.type().handlesCases()) {
            throw DomainException.invalid("organisation.cannot-handle",
                org.name() + (org.active() ? " 是受理窗口，不承办诉求" : " 已停用，不能承办新诉求"),
                org.id() + (org.active() ? " takes grievances in but does not handle them" : " is inactive and takes no new cases"));
        }
        return org;
    }
}
