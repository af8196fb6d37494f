package cn.huiyin.triage.application;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import cn.huiyin.platform.calendar.ChinaCalendar;
import cn.huiyin.triage.application.rules.RuleBook;
import cn.huiyin.triage.domain.Categories;
import cn.huiyin.triage.domain.Classification;
import cn.huiyin.triage.domain.Classifier;
import cn.huiyin.triage.domain.DeadlinePolicy;
import cn.huiyin.triage.domain.Deadlines;
import cn.huiyin.triage.domain.Organisation;
import cn.huiyin.triage.domain.OrganisationRef;
import cn.huiyin.triage.domain.ReceivedGrievance;
import cn.huiyin.triage.domain.Rerouting;
import cn.huiyin.triage.domain.Router;
import cn.huiyin.triage.domain.RoutingDecision;
import cn.huiyin.triage.domain.RuleRef;
import cn.huiyin.triage.domain.TriageCase;

/**
 * The rules of triage in one place: classification, routing over the current registry, and deadlines, as the rule book
 * holds them now (they may be reloaded while triage runs).
 */
public class TriagePolicy {

    private final RuleBook rules;
    private final ChinaCalendar calendar;
    private final Registry registry;
    private final Categories categories;

    public TriagePolicy(RuleBook rules, ChinaCalendar calendar, Registry registry, Categories categories) {
        this.rules = rules;
        this.calendar = calendar;
        this.registry = registry;
        this.categories = categories;
    }

    public Classification classify(ReceivedGrievance grievance) {
        return classifier().classify(grievance);
    }

    public Classifier classifier() {
        return rules.current().classifier();
    }

    public Router router() {
        return rules.current().router();
    }

    public DeadlinePolicy deadlinePolicy() {
        return rules.current().deadlines();
    }

    /** Where the rules in force come from. */
    public RuleBook.Rules rulesInForce() {
        return rules.current();
    }

    public Categories categories() {
        return categories;
    }

    /**
     * Deadlines counted from submission, whatever happened since, in the business hours of the organisation that
     * leads (the city's office hours while nobody does).
     *
     * @param jointReview   whether a joint review is asked for, by the classification or by a cluster
     * @param businessHours the lead's business hours; null for the city's office hours
     */
    public Deadlines deadlines(ReceivedGrievance grievance, Classification classification, boolean jointReview,
                               String businessHours) {
        return deadlinePolicy().deadlines(grievance.submittedAt(), classification.category(), classification.urgency(),
            jointReview, calendar, businessHours);
    }

    /**
     * A case's deadlines under {@code classification}, with its present lead: a case in a cluster keeps the
     * joint-review rows.
     */
    public Deadlines deadlines(TriageCase triageCase, Classification classification) {
        return deadlines(triageCase.grievance(), classification,
            classification.needsJointReview() || !triageCase.clusters().isEmpty(), leadHours(triageCase));
    }

    /** A case's deadlines once it is in a cluster: the joint-review rows, in its present lead's hours. */
    public Deadlines deadlinesInCluster(TriageCase triageCase) {
        return deadlines(triageCase.grievance(), triageCase.classification(), true, leadHours(triageCase));
    }

    /** Routing without deadlines, for a look at where a grievance would go. */
    public Optional<RoutingDecision> route(ReceivedGrievance grievance, String category, Set<String> excluded) {
        return router().route(grievance, category, registry.current(), excluded);
    }

    /** Routing of a new grievance, with its deadlines counted in the hours of the organisation it goes to. */
    public Optional<RoutingDecision> route(ReceivedGrievance grievance, Classification classification,
                                           boolean jointReview) {
        return route(grievance, classification.category(), Set.of()).map(decision -> decision.withDeadlines(
            deadlines(grievance, classification, jointReview, decision.leadBusinessHours())));
    }

    /** A lead a person named, with the co-handlers the rules attach and the case's deadlines in the lead's hours. */
    public RoutingDecision named(TriageCase triageCase, Organisation lead, RuleRef why) {
        return withDeadlines(triageCase, router().namedLead(triageCase.grievance(),
            triageCase.classification().category(), registry.current(), lead, why));
    }

    /** How a returned case finds its next organisation, or the organisation that rules. */
    public Rerouting rerouting(TriageCase triageCase) {
        return new Rerouting() {
            @Override
            public Optional<RoutingDecision> next(Set<String> excluded) {
                return route(triageCase.grievance(), triageCase.classification().category(), excluded)
                    .map(decision -> withDeadlines(triageCase, decision));
            }

            @Override
            public Optional<OrganisationRef> rulingBody(Collection<String> disputants) {
                // When the top of the tree is itself a disputant nobody is above it: it rules on its own dispute.
                return registry.current().commonSuperior(disputants).or(() -> registry.current().root())
                    .map(Organisation::ref);
            }
        };
    }

    private RoutingDecision withDeadlines(TriageCase triageCase, RoutingDecision decision) {
        return decision.withDeadlines(deadlines(triageCase.grievance(), triageCase.classification(),
            triageCase.needsJointReview(), decision.leadBusinessHours()));
    }

    /** The business hours of the organisation leading the case now (null: the city's office hours). */
    private String leadHours(TriageCase triageCase) {
        return triageCase.current().flatMap(a -> registry.current().find(a.organisation().id()))
            .map(Organisation::businessHours).orElse(null);
    }
}
