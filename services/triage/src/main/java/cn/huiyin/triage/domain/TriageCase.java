package cn.huiyin.triage.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.huiyin.platform.kernel.DomainException;

/**
 * A grievance as triage handles it (分拨): classified, routed to a lead organisation with deadlines, signed for or
 * returned (签收 / 退单), ruled on after two returns (终审), re-classified or re-routed by an officer, merged or
 * closed. One per grievance, identified by the grievance id. Every change is written to its history with who, when and
 * why, and raises the events other services read ({@link #pendingEvents()}).
 *
 * <p>The deadlines are counted from submission and survive returns and rulings unchanged: the clock keeps running
 * while organisations argue about who should answer.
 */
public final class TriageCase {

    /** Actor of automatic steps. */
    public static final String SYSTEM = "system";

    /** Returns after which the organisation above the disputants rules. */
    static final int RETURNS_BEFORE_RULING = 2;

    private final ReceivedGrievance grievance;
    private TriageState state;
    private final Instant triagedAt;
    private Classification classification;
    private int revision;
    private Deadlines deadlines;
    private final List<Assignment> assignments;
    private RulingReferral ruling;
    private Duplicates duplicates;
    private final List<ClusterMembership> clusters;
    private String mergedInto;
    private Instant closedAt;
    private final List<HistoryEntry> history;
    private final List<Object> pendingEvents = new ArrayList<>();

    /** Everything a case holds, for storing and restoring it. */
    public record Snapshot(ReceivedGrievance grievance, TriageState state, Instant triagedAt,
                           Classification classification, int revision, Deadlines deadlines,
                           List<Assignment> assignments, RulingReferral ruling, Duplicates duplicates,
                           List<ClusterMembership> clusters, String mergedInto, Instant closedAt,
                           List<HistoryEntry> history) {
    }

    private TriageCase(Snapshot s) {
        this.grievance = Objects.requireNonNull(s.grievance(), "grievance");
        this.state = Objects.requireNonNull(s.state(), "state");
        this.triagedAt = Objects.requireNonNull(s.triagedAt(), "triagedAt");
        this.classification = Objects.requireNonNull(s.classification(), "classification");
        this.revision = s.revision();
        this.deadlines = Objects.requireNonNull(s.deadlines(), "deadlines");
        this.assignments = new ArrayList<>(s.assignments() == null ? List.of() : s.assignments());
        this.ruling = s.ruling();
        this.duplicates = s.duplicates() == null ? Duplicates.NONE : s.duplicates();
        this.clusters = new ArrayList<>(s.clusters() == null ? List.of() : s.clusters());
        this.mergedInto = s.mergedInto();
        this.closedAt = s.closedAt();
        this.history = new ArrayList<>(s.history() == null ? List.of() : s.history());
    }

    /**
     * Triages a grievance intake has just accepted: records the classification and deadlines, assigns it when routing
     * found an organisation, flags probable duplicates, and requests a joint review when the rules or a cluster call
     * for one.
     */
    public static TriageCase triage(ReceivedGrievance grievance, Classification classification, Deadlines deadlines,
                                    Optional<RoutingDecision> routing, Duplicates duplicates,
                                    List<ClusterMembership> clusters, Instant now) {
        TriageCase c = new TriageCase(new Snapshot(grievance, TriageState.TRIAGED, now, classification, 1, deadlines,
            List.of(), null, duplicates, clusters, null, null, List.of()));
        c.record(now, SYSTEM, "TRIAGED", "已分类定级：" + classification.categoryName() + "（" + sourceZh(classification)
                + "）；紧急程度：" + classification.urgency().nameZh() + reasonsZh(classification.urgencyReasons())
                + "；期限：" + deadlines.describeZh(),
            "Triaged: " + classification.category() + " (" + classification.source() + "), urgency "
                + classification.urgency().nameEn() + "; " + deadlines.describeEn(), null);
        c.pendingEvents.add(c.triagedEvent(now, null));
        if (duplicates.isOpen()) {
            c.record(now, SYSTEM, "DUPLICATE_FLAGGED", "疑似重复件：同一职工7日内同类诉求 " + String.join("、",
                    duplicates.probableDuplicateOf()) + "，请分拨员决定合并或保留",
                "Probable duplicate of " + duplicates.probableDuplicateOf() + "; a triage officer decides", null);
        }
        if (routing.isPresent()) {
            c.assign(routing.get(), AssignmentBasis.RULES, now, SYSTEM, false, null);
        } else {
            c.record(now, SYSTEM, "UNROUTED", "组织名录中找不到可承办的单位，等待分拨员人工派单",
                "No organisation in the registry can take it; waiting for a triage officer", null);
        }
        for (ClusterMembership cluster : clusters) {
            c.recordClustered(cluster, now);
            if (cluster.formedHere()) {
                // The members filed before the threshold learn it from their own event: one case, one write.
                cluster.memberIds().stream().filter(member -> !member.equals(grievance.grievanceId()))
                    .forEach(member -> c.pendingEvents.add(GrievanceClustered.of(member, cluster, grievance.grievanceId(), now)));
            }
        }
        List<RuleRef> jointReasons = c.jointReviewReasons();
        if (!jointReasons.isEmpty()) {
            c.requestJointReview(jointReasons, now);
        }
        return c;
    }

    /**
     * Archives a grievance imported from a city's earlier ledger as closed there (台账已办结): classified, so its
     * category counts in figures and hotspots, but neither routed, nor grouped, nor given to anyone.
     */
    public static TriageCase archive(ReceivedGrievance grievance, Classification classification, Deadlines deadlines,
                                     Instant now) {
        TriageCase c = new TriageCase(new Snapshot(grievance, TriageState.ARCHIVED, now, classification, 1, deadlines,
            List.of(), null, Duplicates.NONE, List.of(), null, grievance.closedInLedgerAt(), List.of()));
        c.record(now, SYSTEM, "ARCHIVED_FROM_LEDGER", "原台账中已于 " + grievance.closedInLedgerAt()
                + " 办结，导入后仅存档，不再派单；分类：" + classification.categoryName(),
            "Closed in the city's earlier ledger at " + grievance.closedInLedgerAt() + "; archived, not routed; "
                + "category " + classification.category(), null);
        c.pendingEvents.add(c.triagedEvent(now, null));
        return c;
    }

    /** Rebuilds a stored case; raises no event. */
    public static TriageCase restore(Snapshot snapshot) {
        return new TriageCase(snapshot);
    }

    public Snapshot snapshot() {
        return new Snapshot(grievance, state, triagedAt, classification, revision, deadlines, List.copyOf(assignments),
            ruling, duplicates, List.copyOf(clusters), mergedInto, closedAt, List.copyOf(history));
    }

    /** Sign-for (签收) by the organisation the case is assigned to. */
    public void accept(String organisationId, String by, Instant now) {
        requireOpen("签收", "sign for");
        requireNotAwaitingRuling("签收", "sign for");
        Assignment current = requireAssignedTo(organisationId, "签收", "sign for");
        if (current.status() == AssignmentStatus.ACCEPTED) {
            throw DomainException.conflict("assignment.already-accepted",
                current.organisation().name() + " 已于 " + current.accepted().at() + " 签收本诉求",
                current.organisation().name() + " already signed for this grievance at " + current.accepted().at());
        }
        boolean late = now.isAfter(deadlines.responseDueAt());
        replaceLast(current.accept(now, by, late));
        state = TriageState.ACCEPTED;
        pendingEvents.add(new AssignmentAccepted(id(), now, current.attempt(), current.organisation(),
            deadlines.responseDueAt(), late));
        record(now, by, "ACCEPTED", current.organisation().name() + " 签收" + (late ? "（已超过响应期限）" : ""),
            current.organisation().id() + " signed for it" + (late ? " after the response deadline" : ""), null);
    }

    /**
     * Return (退单) by the organisation the case is assigned to. The case goes to the next organisation in line, never
     * back to one that returned it; after the second return, to the organisation above the disputants for a ruling.
     * The deadlines do not move.
     */
    public void returnCase(String organisationId, ReturnReason reason, String explanation,
                           String suggestedOrganisationId, String by, Instant now, Rerouting rerouting) {
        requireOpen("退单", "return");
        requireNotAwaitingRuling("退单", "return");
        Assignment current = requireAssignedTo(organisationId, "退单", "return");
        if (current.status() == AssignmentStatus.ACCEPTED) {
            throw DomainException.conflict("assignment.accepted",
                current.organisation().name() + " 已签收本诉求，已签收的诉求不能退单；确属错派的，请联系分拨员改派",
                "This grievance was signed for; a case signed for cannot be returned. Ask a triage officer to re-route it");
        }
        if (current.binding()) {
            throw DomainException.conflict("assignment.binding",
                "本诉求经上级终审裁定交 " + current.organisation().name() + " 办理，裁定具有约束力，不能退单",
                "A ruling assigned this grievance to " + current.organisation().id() + "; the ruling binds and it cannot be returned");
        }
        replaceLast(current.returnedBy(new Assignment.Return(now, by, reason, explanation, suggestedOrganisationId)));
        Set<String> returners = returners();
        int returns = returnCount();
        record(now, by, "RETURNED", current.organisation().name() + " 退单（" + reason.nameZh() + "）：" + explanation
                + "（第 " + returns + " 次退单）",
            current.organisation().id() + " returned it (" + reason.nameEn() + "), return no. " + returns, explanation);
        Optional<RoutingDecision> next = returns >= RETURNS_BEFORE_RULING ? Optional.empty() : rerouting.next(returners);
        if (next.isPresent()) {
            pendingEvents.add(new AssignmentReturned(id(), now, current.attempt(), current.organisation(), reason,
                explanation, suggestedOrganisationId, returns, ReturnOutcome.RE_ROUTED, next.get().lead(), null));
            assign(next.get(), AssignmentBasis.RE_ROUTED, now, SYSTEM, false, current.organisation());
            return;
        }
        OrganisationRef body = rerouting.rulingBody(returners).orElseThrow(() -> DomainException.conflict(
            "ruling.nobody", "组织名录中没有可终审的上级单位，请联系分拨员改派",
            "The registry has no organisation that can rule on this return; ask a triage officer to re-route it"));
        ruling = new RulingReferral(body, List.copyOf(returners), now, null, null, null);
        state = TriageState.AWAITING_RULING;
        pendingEvents.add(new AssignmentReturned(id(), now, current.attempt(), current.organisation(), reason,
            explanation, suggestedOrganisationId, returns, ReturnOutcome.REFERRED_FOR_RULING, null, body));
        record(now, SYSTEM, "REFERRED_FOR_RULING", "退单 " + returns + " 次，提请 " + body.name() + " 终审；期限不变",
            "Returned " + returns + " times: referred to " + body.id() + " for a ruling; deadlines unchanged", null);
    }

    /**
     * The ruling (终审) of the organisation above the disputants: it names who handles the case, and that assignment
     * binds.
     *
     * @param callerMayRule the caller belongs to the ruling organisation or one above it
     */
    public void rule(boolean callerMayRule, RoutingDecision decision, String reason, String by, Instant now) {
        requireOpen("终审", "rule on");
        if (state != TriageState.AWAITING_RULING || ruling == null || !ruling.isPending()) {
            throw DomainException.conflict("ruling.not-awaited", "本诉求没有待终审的退单争议（当前状态：" + state.nameZh() + "）",
                "This grievance has no return dispute awaiting a ruling (state " + state + ")");
        }
        if (!callerMayRule) {
            throw DomainException.conflict("ruling.elsewhere", "本诉求由 " + ruling.organisation().name() + " 终审，贵单位不能裁定",
                "The ruling on this grievance is for " + ruling.organisation().id() + ", not your organisation");
        }
        ruling = ruling.ruled(now, by, reason);
        record(now, by, "RULED", ruling.organisation().name() + " 终审：交 " + decision.lead().name() + " 办理，裁定具有约束力",
            ruling.organisation().id() + " ruled: " + decision.lead().id() + " handles it; the ruling binds", reason);
        assign(decision, AssignmentBasis.RULING, now, by, true, lastAssignment().map(Assignment::organisation).orElse(null));
    }

    /** A triage officer's re-classification (人工重新分类); the deadlines are counted again from submission. */
    public void reclassify(Classification corrected, Deadlines newDeadlines, String reason, String by, Instant now) {
        requireOpen("重新分类", "re-classify");
        // A joint review the officer (or the rules for the new category) newly asks for is requested with its reason,
        // even where a cluster asked for one before: the reason is news to the joint meeting.
        boolean jointReviewAdded = corrected.needsJointReview() && !classification.needsJointReview();
        Classification before = classification;
        classification = corrected;
        deadlines = newDeadlines;
        revision++;
        pendingEvents.add(triagedEvent(now, reason));
        record(now, by, "RECLASSIFIED", "重新分类：" + before.categoryName() + "/" + before.urgency().nameZh() + " → "
                + corrected.categoryName() + "/" + corrected.urgency().nameZh() + "；期限：" + newDeadlines.describeZh(),
            "Re-classified " + before.category() + "/" + before.urgency() + " → " + corrected.category() + "/"
                + corrected.urgency(), reason);
        if (jointReviewAdded) {
            requestJointReview(corrected.jointReviewReasons(), now);
        }
    }

    /** A triage officer's re-routing (人工改派); settles a pending ruling too. */
    public void reroute(RoutingDecision decision, String reason, String by, Instant now) {
        requireOpen("改派", "re-route");
        Optional<Assignment> current = current();
        if (current.isPresent() && current.get().organisation().id().equals(decision.lead().id())) {
            throw DomainException.conflict("reroute.same-organisation",
                "本诉求已由 " + decision.lead().name() + " 承办，无需改派", "This grievance is already with " + decision.lead().id());
        }
        current.ifPresent(a -> replaceLast(a.end(AssignmentStatus.SUPERSEDED, now)));
        if (ruling != null && ruling.isPending()) {
            ruling = ruling.ruled(now, by, "分拨员改派：" + reason);
        }
        OrganisationRef previous = lastAssignment().map(Assignment::organisation).orElse(null);
        record(now, by, "REROUTED", "改派至 " + decision.lead().name(), "Re-routed to " + decision.lead().id(), reason);
        assign(decision, AssignmentBasis.MANUAL_OVERRIDE, now, by, false, previous);
    }

    /** Merges this case into the worker's earlier grievance (合并), closing it. */
    public void mergeInto(String otherGrievanceId, String reason, String by, Instant now) {
        requireOpen("合并", "merge");
        if (otherGrievanceId.equals(id())) {
            throw DomainException.invalid("merge.self", "不能把诉求合并到它自己", "A grievance cannot be merged into itself");
        }
        close(TriageState.MERGED, now);
        mergedInto = otherGrievanceId;
        duplicates = (duplicates.probableDuplicateOf().isEmpty() ? new Duplicates(List.of(otherGrievanceId), null, null, null, null)
            : duplicates).decided(DuplicateDecision.MERGED, by, now, reason);
        pendingEvents.add(new GrievanceMerged(id(), otherGrievanceId, now, reason));
        record(now, by, "MERGED", "合并至 " + otherGrievanceId, "Merged into " + otherGrievanceId, reason);
    }

    /** Notes on the surviving case that another was merged into it. */
    public void absorb(String mergedGrievanceId, String reason, String by, Instant now) {
        requireOpen("并入", "take in");
        record(now, by, "MERGED_IN", mergedGrievanceId + " 已合并至本诉求", mergedGrievanceId + " was merged into this one", reason);
    }

    /** A person decides a probable duplicate is a separate matter (保留). */
    public void keepSeparate(String reason, String by, Instant now) {
        requireOpen("保留", "keep");
        if (!duplicates.isOpen()) {
            throw DomainException.conflict("duplicates.none-open", "本诉求没有待确认的疑似重复件",
                "This grievance has no probable duplicate waiting for a decision");
        }
        duplicates = duplicates.decided(DuplicateDecision.KEPT_SEPARATE, by, now, reason);
        record(now, by, "KEPT_SEPARATE", "确认不是重复件，单独办理", "Kept as a separate matter", reason);
    }

    /**
     * This case turned out to be a member of a cluster that a later grievance brought to the threshold: it records the
     * cluster, and, while open, asks for the joint review and moves onto the joint-review deadlines (counted from
     * submission as ever), telling others through {@code GrievanceTriaged} with the next revision.
     *
     * @param deadlinesInCluster the case's deadlines on the joint-review rows
     * @return false if the case knew the cluster already (nothing changes)
     */
    public boolean joinCluster(ClusterMembership cluster, String formedBy, Deadlines deadlinesInCluster, Instant now) {
        if (clusters.stream().anyMatch(known -> known.clusterId().equals(cluster.clusterId()))) {
            return false;
        }
        clusters.add(cluster);
        recordClustered(cluster, now);
        if (state.isClosed()) {
            return true;
        }
        Deadlines before = deadlines;
        deadlines = deadlinesInCluster;
        revision++;
        String why = "诉求集群 " + cluster.clusterId() + " 由 " + formedBy + " 达到阈值，本件归入并提请联席会商";
        pendingEvents.add(triagedEvent(now, why));
        if (!before.equals(deadlines)) {
            record(now, SYSTEM, "DEADLINES_CHANGED", "期限按联席会商调整（" + deadlines.policy() + "）：" + deadlines.describeZh(),
                "Deadlines now those of a joint review (" + deadlines.policy() + "): " + deadlines.describeEn(), null);
        }
        requestJointReview(List.of(cluster.reason()), now);
        return true;
    }

    /** Whether a joint review (联席会商) is asked for: by the classification, or because the case is in a cluster. */
    public boolean needsJointReview() {
        return classification.needsJointReview() || !clusters.isEmpty();
    }

    /** The reasons for a joint review: the classification's, then each cluster's. */
    public List<RuleRef> jointReviewReasons() {
        List<RuleRef> reasons = new ArrayList<>(classification.jointReviewReasons());
        clusters.forEach(cluster -> reasons.add(cluster.reason()));
        return List.copyOf(reasons);
    }

    private void recordClustered(ClusterMembership cluster, Instant now) {
        record(now, SYSTEM, "CLUSTERED", "归入诉求集群 " + cluster.clusterId() + "（" + cluster.label() + "，"
                + cluster.workerCount() + " 名职工 " + cluster.memberIds().size() + " 件）",
            "Joined cluster " + cluster.clusterId() + " (" + cluster.workerCount() + " workers, "
                + cluster.memberIds().size() + " grievances)", null);
    }

    /**
     * The worker withdrew the grievance (撤回): work stops and the assignment is cancelled.
     *
     * @return false if the case was closed already (nothing changes)
     */
    public boolean withdraw(Instant at, String by, String reason) {
        if (state.isClosed()) {
            return false;
        }
        close(TriageState.WITHDRAWN, at);
        record(at, by, "WITHDRAWN", "职工撤回诉求，派单已撤销", "The worker withdrew it; the assignment is cancelled", reason);
        return true;
    }

    /**
     * The worker or staff added information (补充材料), recorded in the history.
     *
     * @return false if this addition was recorded already
     */
    public boolean supplement(Instant at, String by, String text, int evidenceCount) {
        boolean seen = history.stream().anyMatch(e -> e.action().equals("SUPPLEMENTED") && e.at().equals(at));
        if (seen) {
            return false;
        }
        record(at, by, "SUPPLEMENTED", "补充材料（现有证据 " + evidenceCount + " 份）：" + (text == null ? "" : text),
            "Supplemented (" + evidenceCount + " evidence files now)", null);
        return true;
    }

    private void assign(RoutingDecision decision, AssignmentBasis basis, Instant now, String by, boolean binding,
                        OrganisationRef previous) {
        Assignment assignment = Assignment.of(assignments.size() + 1, decision, basis, now, by, binding);
        if (decision.deadlines() != null) {
            // Still counted from submission; only the hours are now those of the organisation that leads.
            deadlines = decision.deadlines();
        }
        assignments.add(assignment);
        state = TriageState.ASSIGNED;
        pendingEvents.add(new GrievanceAssigned(id(), now, assignment.attempt(), basis, decision.lead(),
            decision.coHandlers(), classification.category(), classification.categoryName(),
            classification.urgency(), needsJointReview(), deadlines.responseDueAt(),
            deadlines.resolutionDueAt(), deadlines.describeZh(), decision.rule(), decision.coHandlingRules(), binding,
            previous, returnCount(), deadlines.warnings().stream().map(Deadlines.Warning::message).toList()));
        String coHandlers = decision.coHandlers().isEmpty() ? "" : "，协办：" + decision.coHandlers().stream()
            .map(OrganisationRef::name).collect(Collectors.joining("、"));
        record(now, by, "ASSIGNED", "第 " + assignment.attempt() + " 次派单：" + decision.lead().name() + " 主办" + coHandlers
                + "；依据：" + decision.rule().descriptionZh() + (binding ? "（终审裁定，不得退单）" : ""),
            "Assignment " + assignment.attempt() + " to " + decision.lead().id() + " by rule " + decision.rule().id(), null);
    }

    /**
     * Who sits at the case's joint review: the lead, the co-handlers, those routing invites, and what the members of
     * its clusters name where routing invites such parties (the platforms whose workers are affected, the property
     * manager of the place).
     */
    public List<JointReviewParty> jointReviewParties() {
        Map<String, JointReviewParty> parties = new LinkedHashMap<>();
        current().ifPresent(a -> {
            parties.put(a.organisation().id(), JointReviewParty.of(a.organisation(), JointReviewParty.Role.LEAD, null));
            a.coHandlers().forEach(co -> parties.putIfAbsent(co.id(),
                JointReviewParty.of(co, JointReviewParty.Role.CO_HANDLER, null)));
            a.invited().forEach(party -> parties.putIfAbsent(party.id(), party));
            for (ClusterMembership cluster : clusters) {
                cluster.parties().stream()
                    .filter(org -> org.type() == OrganisationType.ENTERPRISE
                        ? a.clusterInvitations().contains(RoutingDecision.ENTERPRISES)
                        : org.type().managesPlaces() && a.clusterInvitations().contains(RoutingDecision.PLACE_MANAGERS))
                    .forEach(org -> parties.putIfAbsent(org.id(),
                        JointReviewParty.of(org, JointReviewParty.Role.INVITED, cluster.reason().id())));
            }
        });
        return List.copyOf(parties.values());
    }

    private void requestJointReview(List<RuleRef> reasons, Instant now) {
        Optional<Assignment> current = current();
        pendingEvents.add(new JointReviewRequested(id(), now, reasons, classification.category(),
            classification.categoryName(), classification.urgency(), grievance.divisionCode(),
            current.map(Assignment::organisation).orElse(null),
            current.map(Assignment::coHandlers).orElse(List.of()), jointReviewParties(),
            clusters.stream().map(c -> new JointReviewRequested.Cluster(c.clusterId(), c.kind(), c.label(), c.memberIds(),
                c.workerCount())).toList()));
        record(now, SYSTEM, "JOINT_REVIEW_REQUESTED", "提请联席会商：" + reasons.stream().map(RuleRef::descriptionZh)
                .collect(Collectors.joining("；")),
            "Joint review requested: " + reasons.stream().map(RuleRef::id).collect(Collectors.joining(", ")), null);
    }

    private GrievanceTriaged triagedEvent(Instant now, String reason) {
        Classification c = classification;
        return new GrievanceTriaged(id(), now, revision, c.category(), c.categoryName(), c.source(), c.confidence(),
            c.matchedTerms(), c.urgency(), c.urgencyReasons(), needsJointReview(), jointReviewReasons(),
            c.workersAffected(), grievance.workerGroup(), grievance.divisionCode(), duplicates.probableDuplicateOf(),
            deadlines.responseDueAt(), deadlines.resolutionDueAt(), deadlines.describeZh(), reason);
    }

    private void close(TriageState closedState, Instant at) {
        current().ifPresent(a -> replaceLast(a.end(AssignmentStatus.CANCELLED, at)));
        state = closedState;
        closedAt = at;
    }

    private void requireOpen(String actionZh, String actionEn) {
        if (state.isClosed()) {
            throw DomainException.conflict("case.closed", "本诉求" + state.nameZh() + "，不能" + actionZh,
                "This grievance is " + state.name().toLowerCase(Locale.ROOT) + "; it cannot be " + pastTense(actionEn));
        }
    }

    private void requireNotAwaitingRuling(String actionZh, String actionEn) {
        if (state == TriageState.AWAITING_RULING) {
            throw DomainException.conflict("case.awaiting-ruling",
                "本诉求已退单两次，正等待 " + ruling.organisation().name() + " 终审，不能" + actionZh,
                "This grievance was returned twice and awaits the ruling of " + ruling.organisation().id()
                    + "; it cannot be " + pastTense(actionEn) + " now");
        }
    }

    private Assignment requireAssignedTo(String organisationId, String actionZh, String actionEn) {
        Assignment current = current().orElseThrow(() -> DomainException.conflict("case.unassigned",
            "本诉求尚未派单，不能" + actionZh, "This grievance is not assigned to anyone; it cannot be " + pastTense(actionEn)));
        if (!current.organisation().id().equals(organisationId)) {
            throw DomainException.conflict("assignment.elsewhere",
                "本诉求当前派给 " + current.organisation().name() + "，不是贵单位（" + organisationId + "），不能" + actionZh,
                "This grievance is assigned to " + current.organisation().id() + ", not to your organisation ("
                    + organisationId + "); you cannot " + actionEn + " it");
        }
        return current;
    }

    private static String pastTense(String action) {
        return switch (action) {
            case "sign for" -> "signed for";
            case "return" -> "returned";
            case "rule on" -> "ruled on";
            case "re-classify" -> "re-classified";
            case "re-route" -> "re-routed";
            case "merge" -> "merged";
            case "keep" -> "kept";
            case "take in" -> "merged into";
            default -> action;
        };
    }

    private void replaceLast(Assignment assignment) {
        assignments.set(assignments.size() - 1, assignment);
    }

    private void record(Instant at, String actor, String action, String zh, String en, String reason) {
        history.add(new HistoryEntry(at, actor == null ? SYSTEM : actor, action, zh, en, reason));
    }

    private static String sourceZh(Classification c) {
        return switch (c.source()) {
            case FILER -> "申报时选定";
            case RULES -> "按关键词规则识别，置信度 " + c.confidence();
            case MANUAL -> "分拨员人工判定";
        };
    }

    private static String reasonsZh(List<RuleRef> reasons) {
        return reasons.isEmpty() ? "" : "（" + reasons.stream().map(RuleRef::descriptionZh).collect(Collectors.joining("；")) + "）";
    }

    /** The open assignment (pending or signed for), if any. */
    public Optional<Assignment> current() {
        Optional<Assignment> last = lastAssignment();
        return last.filter(Assignment::isOpen);
    }

    public Optional<Assignment> lastAssignment() {
        return assignments.isEmpty() ? Optional.empty() : Optional.of(assignments.get(assignments.size() - 1));
    }

    public int returnCount() {
        return (int) assignments.stream().filter(a -> a.status() == AssignmentStatus.RETURNED).count();
    }

    /** The organisations that returned this case; routing the rules again passes them over. */
    public Set<String> returners() {
        return assignments.stream().filter(a -> a.status() == AssignmentStatus.RETURNED)
            .map(a -> a.organisation().id()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Every organisation that has or had to do with the case: leads past and present, co-handlers, the ruling body. */
    public Set<String> involvedOrganisations() {
        Set<String> involved = new LinkedHashSet<>();
        assignments.forEach(a -> involved.add(a.organisation().id()));
        current().ifPresent(a -> a.coHandlers().forEach(co -> involved.add(co.id())));
        if (ruling != null) {
            involved.add(ruling.organisation().id());
        }
        return involved;
    }

    /** The case as it appears in each organisation's inbox; empty once closed. */
    /**
     * Every organisation that ever had or could have had an inbox entry for this case (leads, co-handlers, returners,
     * the ruling organisation): an inbox derived afresh from the case removes stale entries among these.
     */
    public Set<String> organisationsEverInvolved() {
        Set<String> organisations = new LinkedHashSet<>();
        for (Assignment assignment : assignments) {
            organisations.add(assignment.organisation().id());
            assignment.coHandlers().forEach(co -> organisations.add(co.id()));
        }
        if (ruling != null) {
            organisations.add(ruling.organisation().id());
        }
        return organisations;
    }

    public List<InboxEntry> inboxEntries() {
        if (state.isClosed()) {
            return List.of();
        }
        Map<String, InboxEntry> entries = new LinkedHashMap<>();
        Optional<Assignment> current = current();
        OrganisationRef lead = current.map(Assignment::organisation).orElse(null);
        current.ifPresent(a -> {
            boolean pending = a.status() == AssignmentStatus.PENDING;
            entries.put(a.organisation().id(), entry(a.organisation().id(),
                pending ? InboxEntry.InboxStatus.PENDING : InboxEntry.InboxStatus.ACCEPTED, a,
                pending ? deadlines.responseDueAt() : deadlines.resolutionDueAt(), lead));
            a.coHandlers().forEach(co -> entries.putIfAbsent(co.id(),
                entry(co.id(), InboxEntry.InboxStatus.CO_HANDLING, a, deadlines.resolutionDueAt(), lead)));
        });
        if (ruling != null && ruling.isPending()) {
            entries.putIfAbsent(ruling.organisation().id(), entry(ruling.organisation().id(),
                InboxEntry.InboxStatus.AWAITING_RULING, lastAssignment().orElse(null), deadlines.responseDueAt(), null));
        }
        assignments.stream().filter(a -> a.status() == AssignmentStatus.RETURNED).forEach(a ->
            entries.putIfAbsent(a.organisation().id(), entry(a.organisation().id(), InboxEntry.InboxStatus.RETURNED, a,
                deadlines.resolutionDueAt(), lead)));
        return List.copyOf(entries.values());
    }

    private InboxEntry entry(String organisationId, InboxEntry.InboxStatus status, Assignment assignment, Instant dueAt,
                             OrganisationRef currentLead) {
        String text = grievance.description() == null ? "" : grievance.description();
        return new InboxEntry(organisationId, id(), status, assignment == null ? 0 : assignment.attempt(),
            classification.category(), classification.categoryName(), classification.urgency(),
            needsJointReview(), grievance.submittedAt(),
            assignment == null ? null : assignment.assignedAt(), deadlines.responseDueAt(), deadlines.resolutionDueAt(),
            dueAt, grievance.divisionCode(), text.length() > 60 ? text.substring(0, 60) + "…" : text, currentLead);
    }

    public String id() {
        return grievance.grievanceId();
    }

    public ReceivedGrievance grievance() {
        return grievance;
    }

    public TriageState state() {
        return state;
    }

    public Instant triagedAt() {
        return triagedAt;
    }

    public Classification classification() {
        return classification;
    }

    public int revision() {
        return revision;
    }

    public Deadlines deadlines() {
        return deadlines;
    }

    public List<Assignment> assignments() {
        return List.copyOf(assignments);
    }

    public Optional<RulingReferral> ruling() {
        return Optional.ofNullable(ruling);
    }

    public Duplicates duplicates() {
        return duplicates;
    }

    public List<ClusterMembership> clusters() {
        return List.copyOf(clusters);
    }

    public Optional<String> mergedInto() {
        return Optional.ofNullable(mergedInto);
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    /** Events raised since the case was loaded, oldest first. */
    public List<Object> pendingEvents() {
        return List.copyOf(pendingEvents);
    }
}
