package cn.huiyin.triage.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.messaging.lease.LeaseHeldException;
import cn.huiyin.platform.messaging.lease.Leases;
import cn.huiyin.triage.domain.CategoryInfo;
import cn.huiyin.triage.domain.CategorySource;
import cn.huiyin.triage.domain.Classification;
import cn.huiyin.triage.domain.Organisation;
import cn.huiyin.triage.domain.RoutingDecision;
import cn.huiyin.triage.domain.RuleRef;
import cn.huiyin.triage.domain.TriageCase;
import cn.huiyin.triage.domain.Urgency;

/**
 * What a triage officer (分拨员) may decide over the rules, always with a reason that goes into the case history:
 * re-classify, re-route, merge a probable duplicate or keep it separate. Only for cases in the officer's jurisdiction.
 */
public class OfficerOverrides {

    private final TriageCases cases;
    private final CaseChanges changes;
    private final TriagePolicy policy;
    private final Registry registry;
    private final Leases leases;
    private final Clock clock;

    public OfficerOverrides(TriageCases cases, Inboxes inboxes, TriagePolicy policy, Registry registry, Leases leases,
                            Clock clock) {
        this.cases = cases;
        this.leases = leases;
        this.changes = new CaseChanges(cases, inboxes);
        this.policy = policy;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * @param urgency     null: as the rules decide for the category
     * @param jointReview null: as the rules decide for the category
     */
    public TriageCase reclassify(Caller caller, String grievanceId, String category, Urgency urgency,
                                 Boolean jointReview, String reason) {
        TriageCase triageCase = officersCase(caller, grievanceId);
        CategoryInfo newCategory = policy.categories().require(category);
        Classification current = triageCase.classification();
        // The filer's or an officer's category stands; a rules' guess the officer confirms becomes the officer's.
        boolean confirmsAuthoritative = newCategory.code().equals(current.category())
            && current.source() != CategorySource.RULES;
        Classification base = confirmsAuthoritative ? current
            : policy.classifier().reassess(triageCase.grievance(), newCategory.code(), CategorySource.MANUAL);
        RuleRef why = manual(caller, reason);
        Classification corrected = base.withOverrides(urgency, jointReview, why);
        return changes.change(triageCase, c -> c.reclassify(corrected, policy.deadlines(c, corrected),
            reason, caller.username(), clock.instant()));
    }

    /** @param organisationId null: apply the routing rules again */
    public TriageCase reroute(Caller caller, String grievanceId, String organisationId, String reason) {
        TriageCase triageCase = officersCase(caller, grievanceId);
        RoutingDecision decision;
        if (organisationId != null) {
            Organisation lead = SignFor.requireCanLead(registry.current(), organisationId);
            decision = policy.named(triageCase, lead, manual(caller, reason));
        } else {
            decision = policy.rerouting(triageCase).next(triageCase.returners())
                .orElseThrow(() -> DomainException.conflict("routing.nobody", "按派单规则找不到可承办的单位，请指定承办单位",
                    "The routing rules find no organisation; name one"));
        }
        return changes.change(triageCase, c -> c.reroute(decision, reason, caller.username(), clock.instant()));
    }

    /** Merges {@code grievanceId} into the worker's other grievance {@code into}, which goes on. */
    public TriageCase merge(Caller caller, String grievanceId, String into, String reason) {
        String worker = officersCase(caller, grievanceId).grievance().workerRef();
        // One merge per worker at a time: two officers merging X into Y and Y into X must not close both.
        try {
            return leases.holding("merge|" + worker, Duration.ofSeconds(30), () -> mergeHolding(caller, grievanceId, into,
                reason));
        } catch (LeaseHeldException busy) {
            throw DomainException.conflict("merge.in-progress", "该职工的另一项合并正在进行，请稍后重试",
                "Another merge of this worker's grievances is in progress; try again");
        }
    }

    private TriageCase mergeHolding(Caller caller, String grievanceId, String into, String reason) {
        TriageCase merged = officersCase(caller, grievanceId);
        TriageCase surviving = cases.find(into).orElseThrow(() -> DomainException.invalid("merge.unknown-target",
            "分拨中没有编号为 " + into + " 的诉求，无法合并", "Triage has no grievance " + into + " to merge into"));
        Reach.requireOfficerCovers(caller, surviving);
        if (!Objects.equals(merged.grievance().workerRef(), surviving.grievance().workerRef())) {
            throw DomainException.conflict("merge.other-worker", "诉求 " + into + " 不是同一职工提出的，不能合并",
                "Grievance " + into + " was filed by another worker; only one worker's grievances can be merged");
        }
        if (surviving.state().isClosed()) {
            throw DomainException.conflict("merge.target-closed", "诉求 " + into + " " + surviving.state().nameZh()
                + "，不能把其他诉求合并进去", "Grievance " + into + " is " + surviving.state() + "; nothing can be merged into it");
        }
        Instant now = clock.instant();
        changes.change(merged, c -> c.mergeInto(into, reason, caller.username(), now));
        changes.change(surviving, c -> c.absorb(grievanceId, reason, caller.username(), now));
        return merged;
    }

    public TriageCase keepSeparate(Caller caller, String grievanceId, String reason) {
        TriageCase triageCase = officersCase(caller, grievanceId);
        return changes.change(triageCase, c -> c.keepSeparate(reason, caller.username(), clock.instant()));
    }

    private TriageCase officersCase(Caller caller, String grievanceId) {
        TriageCase triageCase = changes.load(grievanceId);
        Reach.requireOfficerCovers(caller, triageCase);
        return triageCase;
    }

    private static RuleRef manual(Caller caller, String reason) {
        return new RuleRef("manual", "分拨员 " + caller.username() + " 人工判定：" + reason,
            "Decided by triage officer " + caller.username() + ": " + reason);
    }
}
