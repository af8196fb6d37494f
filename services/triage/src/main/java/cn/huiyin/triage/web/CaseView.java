package cn.huiyin.triage.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import cn.huiyin.platform.calendar.ChinaCalendar;
import cn.huiyin.triage.domain.Assignment;
import cn.huiyin.triage.domain.AssignmentBasis;
import cn.huiyin.triage.domain.AssignmentStatus;
import cn.huiyin.triage.domain.CategorySource;
import cn.huiyin.triage.domain.Classification;
import cn.huiyin.triage.domain.ClusterKind;
import cn.huiyin.triage.domain.Deadlines;
import cn.huiyin.triage.domain.DivisionTree;
import cn.huiyin.triage.domain.DuplicateDecision;
import cn.huiyin.triage.domain.Duplicates;
import cn.huiyin.triage.domain.HistoryEntry;
import cn.huiyin.triage.domain.JointReviewParty;
import cn.huiyin.triage.domain.OrganisationRef;
import cn.huiyin.triage.domain.RuleRef;
import cn.huiyin.triage.domain.RulingReferral;
import cn.huiyin.triage.domain.TriageCase;
import cn.huiyin.triage.domain.TriageState;
import cn.huiyin.triage.domain.Urgency;
import cn.huiyin.triage.domain.WorkerGroups;

/**
 * A triage case as staff see it: what was filed, how it was classified and why, where it is and why, the deadlines
 * (in UTC and as Beijing wall-clock time), returns, ruling, duplicates, clusters and the full history.
 *
 * @param workerRef          the worker's pseudonym; withheld from enterprise organisations when the worker asked for
 *                           confidentiality
 * @param jointReviewParties who sits at the table of the joint review this case asks for (lead, co-handlers, and those
 *                           its clusters invite, such as the platforms whose workers are affected); empty without one
 */
record CaseView(String grievanceId, TriageState state, String stateName, Instant submittedAt, Instant triagedAt,
                String channel, String workerGroup, String workerGroupName, String workerRef, boolean confidential,
                String platformOrEmployer, String divisionCode, String divisionName, String description,
                String category, String categoryName, Urgency urgency, boolean needsJointReview,
                ClassificationView classification, DeadlinesView deadlines, AssignmentView assignment,
                List<AssignmentView> assignments, int returnCount, RulingView ruling, DuplicatesView duplicates,
                List<ClusterView> clusters, String mergedInto, Instant closedAt, List<HistoryEntry> history,
                List<JointReviewParty> jointReviewParties) {

    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm（EEE）", Locale.CHINA);

    record ClassificationView(String category, String categoryName, CategorySource source, double confidence,
                              boolean needsConfirmation, List<String> matchedTerms, Urgency urgency, String urgencyName,
                              List<RuleRef> urgencyReasons, boolean needsJointReview, List<RuleRef> jointReviewReasons,
                              Integer workersAffected, int revision) {
    }

    /** @param businessHours the hours office-hour limits are counted in: those of the organisation that leads */
    record DeadlinesView(Instant responseDueAt, String responseDueBeijing, Instant resolutionDueAt,
                         String resolutionDueBeijing, String policy, String description, String descriptionEn,
                         String businessHours, boolean responseOverdue, boolean resolutionOverdue,
                         List<Deadlines.Warning> warnings) {
    }

    record AssignmentView(int attempt, OrganisationRef organisation, List<OrganisationRef> coHandlers,
                          AssignmentStatus status, AssignmentBasis basis, RuleRef rule, List<RuleRef> coHandlingRules,
                          boolean binding, Instant assignedAt, String assignedBy, Assignment.Acceptance accepted,
                          Assignment.Return returned) {

        static AssignmentView of(Assignment a) {
            return new AssignmentView(a.attempt(), a.organisation(), a.coHandlers(), a.status(), a.basis(), a.rule(),
                a.coHandlingRules(), a.binding(), a.assignedAt(), a.assignedBy(), a.accepted(), a.returned());
        }
    }

    record RulingView(OrganisationRef organisation, List<String> disputants, Instant requestedAt, boolean pending,
                      Instant ruledAt, String ruledBy, String reason) {

        static RulingView of(RulingReferral r) {
            return new RulingView(r.organisation(), r.disputants(), r.requestedAt(), r.isPending(), r.ruledAt(),
                r.ruledBy(), r.reason());
        }
    }

    record DuplicatesView(List<String> probableDuplicateOf, DuplicateDecision decision, String decidedBy,
                          Instant decidedAt, String reason) {

        static DuplicatesView of(Duplicates d) {
            return d.probableDuplicateOf().isEmpty() && d.decision() == null ? null
                : new DuplicatesView(d.probableDuplicateOf(), d.decision(), d.decidedBy(), d.decidedAt(), d.reason());
        }
    }

    /**
     * @param memberIds   the members today (later grievances may have joined since this case did)
     * @param workerCount the distinct workers among the members when this case joined (what the threshold counts)
     */
    record ClusterView(String clusterId, ClusterKind kind, String label, List<String> memberIds, int memberCount,
                       int workerCount, boolean formedHere, RuleRef reason) {
    }

    interface ClusterLookup {
        List<String> membersNow(String clusterKey, String clusterId, List<String> whenJoined);
    }

    static CaseView of(TriageCase c, DivisionTree divisions, double confirmBelow, Instant now, boolean hideWorker,
                       ClusterLookup clusters) {
        Classification k = c.classification();
        Deadlines d = c.deadlines();
        return new CaseView(c.id(), c.state(), c.state().nameZh(), c.grievance().submittedAt(), c.triagedAt(),
            c.grievance().channel(), c.grievance().workerGroup(), WorkerGroups.nameZh(c.grievance().workerGroup()),
            hideWorker ? null : c.grievance().workerRef(), c.grievance().confidential(),
            c.grievance().platformOrEmployer(), c.grievance().divisionCode(),
            divisions.find(c.grievance().divisionCode()).map(DivisionTree.Node::nameZh).orElse(null),
            c.grievance().description(), k.category(), k.categoryName(), k.urgency(), c.needsJointReview(),
            new ClassificationView(k.category(), k.categoryName(), k.source(), k.confidence(),
                k.needsConfirmation(confirmBelow), k.matchedTerms(), k.urgency(), k.urgency().nameZh(),
                k.urgencyReasons(), k.needsJointReview(), k.jointReviewReasons(), k.workersAffected(), c.revision()),
            new DeadlinesView(d.responseDueAt(), beijing(d.responseDueAt()), d.resolutionDueAt(),
                beijing(d.resolutionDueAt()), d.policy(), d.describeZh(), d.describeEn(), d.businessHours(),
                c.state() == TriageState.ASSIGNED && now.isAfter(d.responseDueAt()),
                !c.state().isClosed() && now.isAfter(d.resolutionDueAt()), d.warnings()),
            c.current().map(AssignmentView::of).orElse(null),
            c.assignments().stream().map(AssignmentView::of).toList(), c.returnCount(),
            c.ruling().map(RulingView::of).orElse(null), DuplicatesView.of(c.duplicates()),
            c.clusters().stream().map(m -> {
                List<String> members = clusters.membersNow(m.clusterKey(), m.clusterId(), m.memberIds());
                return new ClusterView(m.clusterId(), m.kind(), m.label(), members, members.size(),
                    m.workerCount(), m.formedHere(), m.reason());
            }).toList(),
            c.mergedInto().orElse(null), c.closedAt().orElse(null), c.history(),
            c.needsJointReview() ? c.jointReviewParties() : List.of());
    }

    static String beijing(Instant instant) {
        return instant == null ? null : BEIJING.format(instant.atZone(ChinaCalendar.ZONE));
    }
}
