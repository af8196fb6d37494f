package cn.huiyin.followup.domain.casefile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.huiyin.followup.domain.Hierarchy;
import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.followup.domain.clock.Limit;
import cn.huiyin.followup.domain.clock.StageSpan;
import cn.huiyin.followup.domain.clock.WorkingTime;
import cn.huiyin.followup.domain.events.GrievanceClosed;
import cn.huiyin.followup.domain.events.GrievanceResolved;
import cn.huiyin.followup.domain.supervision.SupervisionRecord;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.access.Caller;

/**
 * A grievance's case file in follow-up (案件): from the assignment triage made, through sign-for, first contact,
 * progress, material requests, extensions and resolution, to the callback, reopens, closure and the retaliation check
 * 30 days later. One per grievance, identified by the grievance id. It records facts (codes with parameters) in its
 * history and raises the events other services read ({@link #pendingEvents()}).
 *
 * <p>What happens to a case from outside (triage's assignment, intake's supplement) and its time limits live here;
 * handling and evaluation are in {@link CaseHandling} and {@link CaseEvaluation}, which work on the same state.
 */
public final class CaseFile {

    /** Actor of automatic steps. */
    public static final String SYSTEM = "system";

    final String id;
    GrievanceFacts facts;
    Handling handling;
    CaseStatus status;
    Instant statusSince;
    String hours;
    final CaseClocks clocks;
    final SupervisionRecord supervision;
    FirstContact firstContact;
    final List<ProgressNote> progress;
    final List<MaterialRequest> materialRequests;
    final List<Extension> extensions;
    final List<Resolution> resolutions;
    final List<CallbackAttempt> callbacks;
    final List<Reopen> reopens;
    Closure closure;
    RetaliationCheck retaliation;
    final List<StageSpan> stages;
    final List<HistoryEntry> history;
    Instant nextSupervisionAt;
    final List<Object> pendingEvents = new ArrayList<>();

    /** Everything a case file holds, for storing and restoring it. */
    public record Snapshot(String id, GrievanceFacts facts, Handling handling, CaseStatus status, Instant statusSince,
                           String hours, List<Limit> limits, SupervisionRecord supervision, FirstContact firstContact,
                           List<ProgressNote> progress, List<MaterialRequest> materialRequests,
                           List<Extension> extensions, List<Resolution> resolutions, List<CallbackAttempt> callbacks,
                           List<Reopen> reopens, Closure closure, RetaliationCheck retaliation, List<StageSpan> stages,
                           List<HistoryEntry> history, Instant nextSupervisionAt) {
    }

    private CaseFile(Snapshot s) {
        this.id = Objects.requireNonNull(s.id(), "id");
        this.facts = s.facts() == null ? GrievanceFacts.UNKNOWN : s.facts();
        this.handling = s.handling();
        this.status = Objects.requireNonNull(s.status(), "status");
        this.statusSince = Objects.requireNonNull(s.statusSince(), "statusSince");
        this.hours = s.hours() == null ? WorkingTime.OFFICE_HOURS : s.hours();
        this.clocks = new CaseClocks(s.limits());
        this.supervision = s.supervision() == null ? SupervisionRecord.empty() : s.supervision();
        this.firstContact = s.firstContact();
        this.progress = copy(s.progress());
        this.materialRequests = copy(s.materialRequests());
        this.extensions = copy(s.extensions());
        this.resolutions = copy(s.resolutions());
        this.callbacks = copy(s.callbacks());
        this.reopens = copy(s.reopens());
        this.closure = s.closure();
        this.retaliation = s.retaliation();
        this.stages = copy(s.stages());
        this.history = copy(s.history());
        this.nextSupervisionAt = s.nextSupervisionAt();
    }

    /** A case file for a grievance follow-up has just heard of, from intake or from triage. */
    public static CaseFile open(String grievanceId, Instant firstHeardOf) {
        return new CaseFile(new Snapshot(grievanceId, GrievanceFacts.UNKNOWN, null, CaseStatus.NEW, firstHeardOf, null,
            List.of(), null, null, null, null, null, null, null, null, null, null, null, null, null));
    }

    /** Rebuilds a stored case file; raises no event. */
    public static CaseFile restore(Snapshot snapshot) {
        return new CaseFile(snapshot);
    }

    public Snapshot snapshot() {
        return new Snapshot(id, facts, handling, status, statusSince, hours, clocks.all(),
            new SupervisionRecord(supervision.issued(), supervision.manual()), firstContact, List.copyOf(progress),
            List.copyOf(materialRequests), List.copyOf(extensions), List.copyOf(resolutions), List.copyOf(callbacks),
            List.copyOf(reopens), closure, retaliation, List.copyOf(stages), List.copyOf(history), nextSupervisionAt);
    }

    // ---- what intake and triage tell follow-up ------------------------------------------------------------------

    /** Intake accepted the grievance: when, the worker's pseudonym and group, the place, the firm, the summary. */
    public void submitted(Instant submittedAt, String workerRef, String workerGroup, String platformOrEmployer,
                          String divisionCode, boolean confidential, String category, String summary,
                          WorkingTime time) {
        facts = facts.submitted(submittedAt, workerRef, workerGroup, platformOrEmployer, divisionCode, confidential,
            category, summary);
        if (status == CaseStatus.NEW && submittedAt.isBefore(statusSince)) {
            statusSince = submittedAt;
        } else if (!stages.isEmpty() && stages.get(0).stage().equals(CaseStatus.NEW.name())
            && submittedAt.isBefore(stages.get(0).from())) {
            // Triage's event came first (another topic): the first stage still starts at submission.
            StageSpan first = stages.get(0);
            stages.set(0, StageSpan.of(first.stage(), submittedAt, first.to(), hours, time));
        }
        clocks.countFrom(submittedAt, time);
    }

    /** Triage classified (or re-classified) it; its deadlines, counted again from submission, may have moved. */
    public void triaged(String category, String categoryName, String urgency, String workerGroup, String divisionCode,
                        Instant responseDueAt, Instant resolutionDueAt, Instant at, WorkingTime time) {
        facts = facts.classified(category, categoryName, urgency, workerGroup, divisionCode);
        if (status != CaseStatus.CLOSED && clocks.moveTo(responseDueAt, resolutionDueAt, time)) {
            record(at, SYSTEM, "DEADLINES_MOVED", Map.of("responseDueAt", String.valueOf(responseDueAt),
                "resolutionDueAt", String.valueOf(resolutionDueAt)));
        }
    }

    /**
     * Triage assigned it to a lead organisation (派单), with co-handlers and the two deadlines. A replay or an older
     * assignment than the one known changes nothing.
     *
     * @param hours the lead's office hours, or {@code 24x7} for an urgent case
     */
    public void assigned(Handling assignment, String category, String categoryName, String urgency,
                         Instant responseDueAt, Instant resolutionDueAt, String hours, WorkingTime time) {
        if (status == CaseStatus.CLOSED || handling != null && handling.attempt() >= assignment.attempt()) {
            return;
        }
        facts = facts.classified(category, categoryName, urgency, null, null);
        if (!clocks.isStarted()) {
            this.hours = hours;
            Instant start = facts.submittedAt() != null ? facts.submittedAt() : assignment.assignedAt();
            clocks.start(start, responseDueAt, resolutionDueAt, hours, time);
        } else {
            clocks.moveTo(responseDueAt, resolutionDueAt, time);
        }
        OrganisationRef previous = handling == null ? null : handling.lead();
        handling = assignment;
        if (status == CaseStatus.NEW || status == CaseStatus.SIGNED_FOR) {
            moveTo(CaseStatus.ASSIGNED, assignment.assignedAt(), time);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("organisation", assignment.lead().name());
        params.put("attempt", Integer.toString(assignment.attempt()));
        if (previous != null) {
            params.put("previous", previous.name());
        }
        record(assignment.assignedAt(), SYSTEM, "ASSIGNED", params);
    }

    /** The lead signed for it in triage (签收): handling may begin. */
    public void signedFor(String organisationId, int attempt, Instant at, WorkingTime time) {
        if (handling == null || handling.attempt() != attempt || !handling.isLead(organisationId)
            || status != CaseStatus.ASSIGNED) {
            return;
        }
        handling = handling.signedFor(at);
        moveTo(CaseStatus.SIGNED_FOR, at, time);
        record(at, SYSTEM, "SIGNED_FOR", Map.of("organisation", handling.lead().name()));
    }

    /** The lead returned it (退单); triage assigns it anew, the clocks run on. */
    public void returned(String organisationId, int attempt, boolean referredForRuling, Instant at) {
        if (handling == null || handling.attempt() != attempt || !handling.isLead(organisationId)
            || status == CaseStatus.CLOSED) {
            return;
        }
        handling = handling.returned(referredForRuling);
        record(at, SYSTEM, referredForRuling ? "REFERRED_FOR_RULING" : "RETURNED",
            Map.of("organisation", handling.lead().name()));
    }

    /** Triage merged it into another grievance of the same worker (合并). */
    public void merged(String into, Instant at, WorkingTime time) {
        if (status != CaseStatus.CLOSED) {
            close(ClosureOutcome.MERGED, SYSTEM, at, time, into);
        }
    }

    /** The worker withdrew it (撤回). */
    public void withdrawn(Instant at, WorkingTime time) {
        if (status != CaseStatus.CLOSED) {
            close(ClosureOutcome.WITHDRAWN, "worker", at, time, null);
        }
    }

    /** The worker sent material (intake's {@code GrievanceSupplemented}): a paused clock runs again. */
    public void supplemented(Instant at, WorkingTime time) {
        CaseHandling.supplemented(this, at, time);
    }

    // ---- handling (办理), see CaseHandling ------------------------------------------------------------------------

    /** 先行联系: the lead reached the worker; the response clock stops. */
    public void recordFirstContact(Caller caller, Instant contactedAt, ContactChannel channel, String note, Instant now,
                                   WorkingTime time) {
        CaseHandling.recordFirstContact(this, caller, contactedAt, channel, note, now, time);
    }

    /** A progress note of the lead, or a co-handler's part (协办), with references to evidence. */
    public void recordProgress(Caller caller, String note, List<EvidenceRef> evidence, Instant now) {
        CaseHandling.recordProgress(this, caller, note, evidence, now);
    }

    /** 补充材料: the lead asks the worker for material; the resolution clock stands still until it arrives. */
    public void requestMaterial(Caller caller, String materials, Instant now, WorkingTime time) {
        CaseHandling.requestMaterial(this, caller, materials, now, time);
    }

    /** 延期申请, before the deadline, to the organisation above. */
    public void requestExtension(Caller caller, String reason, Instant requestedDueAt, Hierarchy hierarchy,
                                 Instant now) {
        CaseHandling.requestExtension(this, caller, reason, requestedDueAt, hierarchy, now);
    }

    /** 延期审批 by the organisation above: approved, the deadline moves; refused, it stays. */
    public void decideExtension(Caller caller, String extensionId, boolean approve, String note, Hierarchy hierarchy,
                                Instant now, WorkingTime time) {
        CaseHandling.decideExtension(this, caller, extensionId, approve, note, hierarchy, now, time);
    }

    /**
     * 办结 by the lead, with the remedy obtained.
     *
     * @param openActionItems ids of the joint meeting's action items for this grievance that are still open
     */
    public void resolve(Caller caller, ResolutionKind kind, String explanation, Remedy remedy,
                        List<String> openActionItems, Instant now, WorkingTime time) {
        CaseHandling.resolve(this, caller, kind, explanation, remedy, openActionItems, now, time);
    }

    /** A supervisor's own 督办, with instructions and a reply deadline the ladder watches. */
    public void superviseManually(Caller caller, OrganisationRef byOrganisation, String instructions,
                                  Instant replyDueAt, Hierarchy hierarchy, Instant now, WorkingTime time) {
        CaseHandling.superviseManually(this, caller, byOrganisation, instructions, replyDueAt, hierarchy, now, time);
    }

    /** The lead answers a supervisor's 督办. */
    public void replyToSupervision(Caller caller, String supervisionId, String reply, Instant now) {
        CaseHandling.replyToSupervision(this, caller, supervisionId, reply, now);
    }

    // ---- evaluation (成效评估), see CaseEvaluation ------------------------------------------------------------------

    /** A callback attempt of the callback centre (回访); the answers decide closure or reopen. */
    public void recordCallback(Caller caller, CallbackOutcome outcome, CallbackAttempt.Answers answers, Instant now,
                               Hierarchy hierarchy, WorkingTime time) {
        CaseEvaluation.recordCallback(this, caller, CallbackChannel.PHONE, outcome, answers, now, hierarchy, time);
    }

    /** The worker's own rating through the self-service, once the worker has been identified. */
    public void rateAsWorker(CallbackAttempt.Answers answers, Instant now, Hierarchy hierarchy, WorkingTime time) {
        CaseEvaluation.recordCallback(this, null, CallbackChannel.SELF_SERVICE, CallbackOutcome.REACHED, answers, now,
            hierarchy, time);
    }

    /** 打击报复回访, 30 days after closure, by the callback centre. */
    public void checkRetaliation(Caller caller, CallbackOutcome outcome, Boolean retaliation,
                                 List<RetaliationKind> kinds, String account, Instant now) {
        CaseEvaluation.checkRetaliation(this, caller, outcome, retaliation, kinds, account, now);
    }

    // ---- supervision -------------------------------------------------------------------------------------------

    /**
     * Takes every step of the supervision ladder now due (催办, 黄牌, 红牌) and plans the next one.
     *
     * @param hierarchy the lead and the organisations above it, nearest first
     * @return how many steps were issued
     */
    public int supervise(Instant now, Hierarchy hierarchy, WorkingTime time) {
        if (handling == null || status == CaseStatus.CLOSED) {
            return 0;
        }
        int issued = 0;
        for (SupervisionRecord.Fired fired : supervision.fire(subject(), clocks.all(), hierarchy,
            handling.coHandlers(), now, time)) {
            pendingEvents.addAll(fired.events());
            Map<String, String> params = new LinkedHashMap<>();
            params.put("step", fired.step().step().name());
            params.put("limit", fired.step().limitId());
            params.put("dueAt", fired.step().dueAt().toString());
            if (fired.step().escalatedTo() != null) {
                params.put("escalatedTo", fired.step().escalatedTo().name());
            }
            record(now, SYSTEM, fired.step().superseded() ? "REMINDER_SUPERSEDED"
                : fired.step().step().isReminder() ? "REMINDER" : "ESCALATED", params);
            issued += fired.step().superseded() ? 0 : 1;
        }
        return issued;
    }

    /** Plans the next supervision step from the limits as they now stand; stored for the scan to find. */
    public void replan(WorkingTime time) {
        nextSupervisionAt = handling == null || status == CaseStatus.CLOSED ? null
            : supervision.nextDue(clocks.all(), time).orElse(null);
    }

    SupervisionRecord.Subject subject() {
        return new SupervisionRecord.Subject(id, null, facts.divisionCode());
    }

    // ---- shared by the handling and evaluation steps --------------------------------------------------------------

    /** Ends the current stage (its duration recorded) and begins {@code next}. */
    void moveTo(CaseStatus next, Instant at, WorkingTime time) {
        if (next == status) {
            return;
        }
        stages.add(StageSpan.of(status.name(), statusSince, at, hours, time));
        status = next;
        statusSince = at.isBefore(statusSince) ? statusSince : at;
    }

    void close(ClosureOutcome outcome, String by, Instant at, WorkingTime time, String mergedInto) {
        clocks.stopAll(at);
        moveTo(CaseStatus.CLOSED, at, time);
        closure = new Closure(at, outcome, by, mergedInto);
        boolean checkRetaliation = outcome != ClosureOutcome.MERGED && handling != null;
        retaliation = checkRetaliation ? RetaliationCheck.dueAt(at.plus(RETALIATION_CHECK_AFTER)) : null;
        Optional<Resolution> last = lastResolution();
        Optional<CallbackAttempt.Answers> answers = lastAnswers();
        // Totals from the first stage's start, not sums of the stages' whole minutes (each is rounded down).
        Instant from = stages.isEmpty() ? at : stages.get(0).from();
        long working = time.between(from, at, hours).toMinutes();
        long clock = Duration.between(from, at).toMinutes();
        pendingEvents.add(new GrievanceClosed(id, outcome, at,
            handling == null ? null : handling.lead(), last.map(Resolution::kind).orElse(null),
            answers.map(CallbackAttempt.Answers::solved).orElse(null),
            answers.map(CallbackAttempt.Answers::satisfaction).orElse(null), reopens.size(),
            GrievanceResolved.RemedyData.of(last.map(Resolution::remedy).orElse(null)),
            mergedInto, retaliation == null ? null : retaliation.dueAt(), List.copyOf(stages), working, clock,
            WorkerStage.CLOSED));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("outcome", outcome.name());
        if (mergedInto != null) {
            params.put("mergedInto", mergedInto);
        }
        record(at, by, "CLOSED", params);
    }

    /** How long after closure the callback centre asks about retaliation. */
    static final Duration RETALIATION_CHECK_AFTER = Duration.ofDays(30);

    /** Progress notes one case file takes; a case that needs more is a case for the supervisor, not a longer file. */
    static final int MAX_PROGRESS_NOTES = 100;
    /** Material requests to one worker; asking an eleventh time is the handler's problem, not the worker's. */
    static final int MAX_MATERIAL_REQUESTS = 10;
    /**
     * History entries the document keeps: the first and the latest. Steps that arrive as events cannot be refused,
     * so the oldest middle entries give way; the event topic keeps every step.
     */
    static final int MAX_HISTORY = 300;

    void record(Instant at, String actor, String code, Map<String, String> params) {
        history.add(new HistoryEntry(at, actor, code, params));
        if (history.size() > MAX_HISTORY) {
            history.remove(1);
        }
    }

    OrganisationRef lead() {
        return handling.lead();
    }

    int round() {
        return reopens.size() + 1;
    }

    Optional<Resolution> lastResolution() {
        return resolutions.isEmpty() ? Optional.empty() : Optional.of(resolutions.get(resolutions.size() - 1));
    }

    Optional<CallbackAttempt.Answers> lastAnswers() {
        for (int i = callbacks.size() - 1; i >= 0; i--) {
            if (callbacks.get(i).answers() != null) {
                return Optional.of(callbacks.get(i).answers());
            }
        }
        return Optional.empty();
    }

    static DomainException conflict(String code, String zh, String en) {
        return DomainException.conflict(code, zh, en);
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    public String id() {
        return id;
    }

    public GrievanceFacts facts() {
        return facts;
    }

    public Optional<Handling> handling() {
        return Optional.ofNullable(handling);
    }

    public CaseStatus status() {
        return status;
    }

    public Instant statusSince() {
        return statusSince;
    }

    public String hours() {
        return hours;
    }

    public CaseClocks clocks() {
        return clocks;
    }

    public SupervisionRecord supervision() {
        return supervision;
    }

    public Optional<FirstContact> firstContact() {
        return Optional.ofNullable(firstContact);
    }

    public List<ProgressNote> progress() {
        return List.copyOf(progress);
    }

    public List<MaterialRequest> materialRequests() {
        return List.copyOf(materialRequests);
    }

    public List<Extension> extensions() {
        return List.copyOf(extensions);
    }

    public List<Resolution> resolutions() {
        return List.copyOf(resolutions);
    }

    public List<CallbackAttempt> callbacks() {
        return List.copyOf(callbacks);
    }

    public List<Reopen> reopens() {
        return List.copyOf(reopens);
    }

    public Optional<Closure> closure() {
        return Optional.ofNullable(closure);
    }

    public Optional<RetaliationCheck> retaliation() {
        return Optional.ofNullable(retaliation);
    }

    public List<StageSpan> stages() {
        return List.copyOf(stages);
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    public Optional<Instant> nextSupervisionAt() {
        return Optional.ofNullable(nextSupervisionAt);
    }

    /** When the callback of the current round is due, while the case awaits it. */
    public Optional<Instant> callbackDueAt() {
        return status == CaseStatus.RESOLVED ? lastResolution().map(Resolution::callbackDueAt) : Optional.empty();
    }

    /** When the retaliation check is due, while it is pending. */
    public Optional<Instant> retaliationCheckDueAt() {
        return retaliation == null || !retaliation.isPending() ? Optional.empty() : Optional.of(retaliation.dueAt());
    }

    /** Events raised since the case file was opened or restored, oldest first. */
    public List<Object> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    private static <T> List<T> copy(List<T> list) {
        return new ArrayList<>(list == null ? List.of() : list);
    }
}
