package cn.huiyin.triage.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

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
 *                           confidentiality, as are links to the worker's other grievances (duplicates, cluster
 *                           members, the grievance it was merged into; see the platform's {@code PersonalDataPolicy})
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

    private static final Pattern TRACKING_NUMBER = Pattern.compile("HY-\\d{8}-\\d{6}");

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

        /** @param text applied to every free text (an officer's reason, a return's explanation) */
        static AssignmentView of(Assignment a, UnaryOperator<String> text) {
            Assignment.Return r = a.returned();
            return new AssignmentView(a.attempt(), a.organisation(), a.coHandlers(), a.status(), a.basis(),
                rule(a.rule(), text), a.coHandlingRules().stream().map(rule -> rule(rule, text)).toList(), a.binding(),
                a.assignedAt(), a.assignedBy(), a.accepted(), r == null ? null : new Assignment.Return(r.at(), r.by(),
                    r.reason(), r.explanation() == null ? null : text.apply(r.explanation()), r.suggestedOrganisationId()));
        }

        private static RuleRef rule(RuleRef rule, UnaryOperator<String> text) {
            return rule == null ? null : new RuleRef(rule.id(), text.apply(rule.descriptionZh()),
                text.apply(rule.descriptionEn()));
        }
    }

    record RulingView(OrganisationRef organisation, List<String> disputants, Instant requestedAt, boolean pending,
                      Instant ruledAt, String ruledBy, String reason) {

        static RulingView of(RulingReferral r, UnaryOperator<String> text) {
            return new RulingView(r.organisation(), r.disputants(), r.requestedAt(), r.isPending(), r.ruledAt(),
                r.ruledBy(), r.reason() == null ? null : text.apply(r.reason()));
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
        UnaryOperator<String> text = hideWorker ? t -> hideOthers(c.id(), t) : UnaryOperator.identity();
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
            c.current().map(a -> AssignmentView.of(a, text)).orElse(null),
            c.assignments().stream().map(a -> AssignmentView.of(a, text)).toList(), c.returnCount(),
            c.ruling().map(r -> RulingView.of(r, text)).orElse(null), hideWorker ? null : DuplicatesView.of(c.duplicates()),
            c.clusters().stream().map(m -> {
                List<String> members = clusters.membersNow(m.clusterKey(), m.clusterId(), m.memberIds());
                // A cluster's id names the grievance that formed it, which may be the worker's own other grievance.
                return new ClusterView(text.apply(m.clusterId()), m.kind(), text.apply(m.label()),
                    hideWorker ? List.of() : members, members.size(), m.workerCount(), m.formedHere(), m.reason());
            }).toList(),
            hideWorker ? null : c.mergedInto().orElse(null), c.closedAt().orElse(null),
            hideWorker ? withoutOtherGrievances(c.id(), c.history()) : c.history(),
            c.needsJointReview() ? c.jointReviewParties() : List.of());
    }

    static String beijing(Instant instant) {
        return instant == null ? null : BEIJING.format(instant.atZone(ChinaCalendar.ZONE));
    }

    /** The history without the numbers of other grievances, which would link the worker's cases. */
    private static List<HistoryEntry> withoutOtherGrievances(String own, List<HistoryEntry> history) {
        return history.stream().map(h -> new HistoryEntry(h.at(), h.actor(), h.action(), hideOthers(own, h.summaryZh()),
            hideOthers(own, h.summaryEn()), h.reason() == null ? null : hideOthers(own, h.reason()))).toList();
    }

    private static String hideOthers(String own, String text) {
        return TRACKING_NUMBER.matcher(text).replaceAll(m -> m.group().equals(own) ? own : "（保密）");
    }
}
