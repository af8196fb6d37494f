package cn.huiyin.triage.application;

import java.time.Clock;
import java.util.Optional;

import cn.huiyin.triage.domain.Classification;
import cn.huiyin.triage.domain.Deadlines;
import cn.huiyin.triage.domain.ReceivedGrievance;
import cn.huiyin.triage.domain.RoutingDecision;
import cn.huiyin.triage.domain.TriageCase;

/**
 * Triages each grievance intake accepted, within the same consumer call: classify, flag duplicates and clusters,
 * route to the lead organisation with co-handlers, compute the deadlines from submission, store the case with its
 * events, fill the inboxes. Receiving the same grievance twice changes nothing. A row of a city's earlier ledger that
 * was closed there is only classified and archived.
 */
public class TriageSubmittedGrievance {

    private final TriageCases cases;
    private final Inboxes inboxes;
    private final TriagePolicy policy;
    private final Grouping grouping;
    private final Clock clock;

    public TriageSubmittedGrievance(TriageCases cases, Inboxes inboxes, TriagePolicy policy, Grouping grouping,
                                    Clock clock) {
        this.cases = cases;
        this.inboxes = inboxes;
        this.policy = policy;
        this.grouping = grouping;
        this.clock = clock;
    }

    public void receive(ReceivedGrievance grievance) {
        Classification classification = policy.classify(grievance);
        if (grievance.isClosedInLedger()) {
            // Closed before Huiyin took over: classified for the records and hotspots, but routing it would put
            // finished work in a handler's inbox and start clocks no one can meet.
            TriageCase archived = TriageCase.archive(grievance, classification,
                policy.deadlines(grievance, classification, false, null), clock.instant());
            cases.addIfAbsent(archived);
            return;
        }
        Grouping.Found grouped = grouping.group(grievance, classification.category());
        // A cluster asks for a joint review as the classification may: either way the joint-review rows apply.
        boolean jointReview = classification.needsJointReview() || !grouped.clusters().isEmpty();
        Optional<RoutingDecision> routing = policy.route(grievance, classification, jointReview);
        Deadlines deadlines = routing.map(RoutingDecision::deadlines)
            .orElseGet(() -> policy.deadlines(grievance, classification, jointReview, null));
        TriageCase triageCase = TriageCase.triage(grievance, classification, deadlines, routing, grouped.duplicates(),
            grouped.clusters(), clock.instant());
        // Seen before (a redelivery, perhaps after a crash between the two writes): the inboxes are derived again
        // from the stored case, so an organisation never misses a case it was assigned.
        TriageCase stored = cases.addIfAbsent(triageCase) ? triageCase : cases.find(triageCase.id()).orElse(triageCase);
        inboxes.sync(stored.id(), stored.organisationsEverInvolved(), stored.inboxEntries());
    }
}
