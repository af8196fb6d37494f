package cn.huiyin.intake.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.huiyin.platform.kernel.DomainException;

/**
 * A grievance as intake holds it (诉求): what the filer said, who the worker is, what was added since, who handles
 * it and where it stands for the worker. New events wait in {@link #pendingEvents()} until the repository stores them
 * with the state.
 */
public final class Grievance {

    /** More files than this make a case file nobody reads; the worker can summarise instead. */
    public static final int MAX_EVIDENCE = 20;
    /** Supplements to one grievance; a worker with more to say has a new matter, and a longer case file helps no one. */
    public static final int MAX_SUPPLEMENTS = 30;
    /**
     * History entries the document keeps: the first (filed) and the latest. Assignments and returns arrive as events
     * and cannot be refused, so the oldest middle entries give way; the event topics keep every step.
     */
    public static final int MAX_HISTORY = 200;

    private final TrackingNumber trackingNumber;
    private Submission submission;
    private String workerRef;
    private final Instant submittedAt;
    private GrievanceStatus status;
    private final List<Supplement> supplements;
    private final List<Evidence> evidence;
    private final List<Progress> history;
    private Handling handling;
    private Instant closedAt;
    private Instant personalDataErasedAt;
    private String queryCodeHash;
    private final List<Object> pendingEvents = new ArrayList<>();

    /**
     * Everything a stored grievance consists of.
     *
     * @param workerRef     null once erased
     * @param queryCodeHash the keyed hash of the worker's self-service query code; null for grievances filed before
     *                      query codes (and once erased)
     */
    public record State(TrackingNumber trackingNumber, Submission submission, String workerRef, Instant submittedAt,
                        GrievanceStatus status, List<Supplement> supplements, List<Evidence> evidence,
                        List<Progress> history, Handling handling, Instant closedAt, Instant personalDataErasedAt,
                        String queryCodeHash) {
    }

    private Grievance(State state) {
        this.trackingNumber = Objects.requireNonNull(state.trackingNumber(), "trackingNumber");
        this.submission = Objects.requireNonNull(state.submission(), "submission");
        this.workerRef = state.personalDataErasedAt() == null
            ? Objects.requireNonNull(state.workerRef(), "workerRef") : state.workerRef();
        this.submittedAt = Objects.requireNonNull(state.submittedAt(), "submittedAt");
        this.status = Objects.requireNonNull(state.status(), "status");
        this.supplements = new ArrayList<>(state.supplements() == null ? List.of() : state.supplements());
        this.evidence = new ArrayList<>(state.evidence() == null ? List.of() : state.evidence());
        this.history = new ArrayList<>(state.history() == null ? List.of() : state.history());
        this.handling = state.handling();
        this.closedAt = state.closedAt();
        this.personalDataErasedAt = state.personalDataErasedAt();
        this.queryCodeHash = state.queryCodeHash();
    }

    /** Accepts a submission: the grievance exists from now on and the response clock starts. */
    public static Grievance submit(TrackingNumber trackingNumber, Submission submission, String workerRef, Instant now) {
        Objects.requireNonNull(submission.description(), "description");
        Grievance grievance = new Grievance(new State(trackingNumber, submission, workerRef, now,
            GrievanceStatus.SUBMITTED, List.of(), List.of(), List.of(), null, null, null, null));
        grievance.record(Progress.of(now, GrievanceStatus.SUBMITTED, Progress.Step.SUBMITTED,
            Map.of("trackingNumber", trackingNumber.value())));
        grievance.pendingEvents.add(grievance.submittedEvent());
        return grievance;
    }

    /** Rebuilds a stored grievance; raises no event. */
    public static Grievance restore(State state) {
        return new Grievance(state);
    }

    public State state() {
        return new State(trackingNumber, submission, workerRef, submittedAt, status, List.copyOf(supplements),
            List.copyOf(evidence), List.copyOf(history), handling, closedAt, personalDataErasedAt, queryCodeHash);
    }

    /**
     * Gives the worker a new self-service query code, known here only by its keyed hash; the code before it (if any)
     * no longer opens the self-service.
     */
    public void issueQueryCode(String hash) {
        queryCodeHash = Objects.requireNonNull(hash, "hash");
    }

    /** Adds information to an open grievance (补充). */
    public void supplement(String text, String by, Instant now) {
        requireOpen("supplement", "补充材料", "supplemented");
        if (supplements.size() >= MAX_SUPPLEMENTS) {
            throw DomainException.conflict("supplement.too-many", "每件诉求最多补充 " + MAX_SUPPLEMENTS + " 次，请另行提交新的诉求",
                "A grievance can be supplemented at most " + MAX_SUPPLEMENTS + " times; file a new grievance instead");
        }
        supplements.add(new Supplement(now, by, text));
        record(Progress.of(now, status, Progress.Step.SUPPLEMENTED, Map.of()));
        pendingEvents.add(new GrievanceSupplemented(id(), now, by, text, evidence.size()));
    }

    /** Attaches a file to an open grievance. */
    public void attach(Evidence file, Instant now) {
        requireOpen("evidence", "上传证据材料", "given more evidence");
        if (evidence.size() >= MAX_EVIDENCE) {
            throw DomainException.conflict("evidence.too-many", "每件诉求最多 " + MAX_EVIDENCE + " 份证据材料",
                "A grievance can hold at most " + MAX_EVIDENCE + " evidence files");
        }
        evidence.add(file);
        record(Progress.of(now, status, Progress.Step.EVIDENCE_ADDED, Map.of("filename", file.filename())));
        pendingEvents.add(new GrievanceSupplemented(id(), now, file.by(), "补充证据材料：" + file.filename(),
            evidence.size()));
    }

    /** The worker withdraws an open grievance (撤回). */
    public void withdraw(String reason, String by, Instant now) {
        requireOpen("withdraw", "撤回", "withdrawn");
        status = GrievanceStatus.WITHDRAWN;
        closedAt = now;
        record(Progress.of(now, status, Progress.Step.WITHDRAWN, Map.of()));
        pendingEvents.add(new GrievanceWithdrawn(id(), now, by, reason));
    }

    /**
     * Triage routed the grievance (or routed it again after a return). Ignored once the grievance is closed: the
     * worker's withdrawal wins over an assignment that crossed it.
     */
    public void assignedTo(Handling newHandling, Instant at) {
        if (!status.isOpen()) {
            return;
        }
        boolean reassigned = handling != null && !handling.orgId().equals(newHandling.orgId());
        handling = newHandling;
        // Follow-up's news can overtake triage's (two topics): the handling counts, the status does not move back.
        if (!status.isBeingHandled()) {
            status = GrievanceStatus.ASSIGNED;
        }
        record(Progress.of(at, status, reassigned ? Progress.Step.REASSIGNED : Progress.Step.ASSIGNED,
            Map.of("org", newHandling.orgName())));
    }

    /** The responsible organisation signed for the case (签收). */
    public void acceptedBy(String orgId, Instant at) {
        if (!status.isOpen() || handling == null || !handling.orgId().equals(orgId)) {
            return;
        }
        if (!status.isBeingHandled()) {
            status = GrievanceStatus.IN_PROGRESS;
        }
        record(Progress.of(at, status, Progress.Step.ACCEPTED, Map.of("org", handling.orgName())));
    }

    /**
     * The handling organisation returned the case (退单): it no longer handles it, nor sees the worker, until triage
     * names the next one (at once, or after the ruling of the organisation above when it was returned twice).
     */
    public void returnedBy(String orgId, boolean referredForRuling, Instant at) {
        if (!status.isOpen() || handling == null || !handling.orgId().equals(orgId)) {
            return;
        }
        String from = handling.orgName();
        handling = null;
        status = GrievanceStatus.SUBMITTED;
        record(Progress.of(at, status, referredForRuling ? Progress.Step.REFERRED_FOR_RULING : Progress.Step.RETURNED,
            Map.of("org", from)));
    }

    /**
     * Follow-up reached a stage the worker is told of. Ignored once the grievance is closed, withdrawn or merged: the
     * worker's withdrawal wins over follow-up's news that crossed it, and a closed case stays closed.
     *
     * @param params what the worker is told: e.g. {@code org}, {@code due}, {@code materials}, {@code kind},
     *               {@code outcome}, {@code moneyRecoveredYuan}, {@code claimPaid}
     */
    public void followedUp(FollowUpStage stage, Instant at, Map<String, String> params) {
        if (!status.isOpen() && status != GrievanceStatus.RESOLVED) {
            return;
        }
        if (stage.statusAfter() != null) {
            status = stage.statusAfter();
        }
        if (status == GrievanceStatus.CLOSED) {
            closedAt = at;
        }
        record(Progress.of(at, status, stage.step(), params));
    }

    /** The worker reported retaliation after this grievance; {@code reportId} is the new grievance about it. */
    public void retaliationReported(String reportId, Instant at) {
        record(Progress.of(at, status, Progress.Step.RETALIATION_REPORTED, Map.of("report", reportId)));
    }

    /** Filed by the callback centre from a retaliation report after grievance {@code aboutId}. */
    public void filedFromCallback(String aboutId, Instant at) {
        record(Progress.of(at, status, Progress.Step.FILED_FROM_CALLBACK, Map.of("about", aboutId)));
    }

    /** Triage merged it into another grievance, which is followed instead. */
    public void mergedInto(String otherGrievanceId, Instant at) {
        if (!status.isOpen()) {
            return;
        }
        status = GrievanceStatus.MERGED;
        closedAt = at;
        record(Progress.of(at, status, Progress.Step.MERGED, Map.of("into", otherGrievanceId)));
    }

    /**
     * Erases everything personal once the retention period after closure has passed: the worker's identity and
     * pseudonym, their words (description, supplements), the exact place, the references, the contact time, the
     * evidence files' record and the history's details, and the query code's hash. What the statistics need stays.
     *
     * @return the evidence files to delete from the file store
     */
    public List<Evidence> erasePersonalData(Instant now) {
        if (status.isOpen()) {
            throw DomainException.conflict("retention.open", "办理中的诉求不能删除个人信息",
                "Personal data of an open grievance cannot be erased");
        }
        List<Evidence> files = List.copyOf(evidence);
        submission = submission.withoutPersonalData();
        workerRef = null;
        queryCodeHash = null;
        supplements.replaceAll(s -> new Supplement(s.at(), s.by(), null));
        evidence.clear();
        history.replaceAll(Progress::withoutDetails);
        personalDataErasedAt = now;
        return files;
    }

    private void record(Progress step) {
        history.add(step);
        if (history.size() > MAX_HISTORY) {
            history.remove(1);
        }
    }

    private void requireOpen(String action, String zh, String en) {
        if (!status.isOpen()) {
            throw DomainException.conflict("grievance.closed." + action,
                "诉求" + status.zh() + "，不能再" + zh, "The grievance is " + status.en().toLowerCase()
                    + " and can no longer be " + en);
        }
    }

    private GrievanceSubmitted submittedEvent() {
        Worker worker = submission.worker();
        Place place = submission.place();
        ExternalReferences references = submission.externalReferences();
        return new GrievanceSubmitted(id(), trackingNumber.value(), submittedAt, submission.channel(),
            submission.recordedBy() == null ? null
                : new GrievanceSubmitted.RecordedBy(submission.recordedBy().staffId(), submission.recordedBy().station()),
            new GrievanceSubmitted.WorkerSummary(workerRef, worker.group(), worker.platformOrEmployer(),
                worker.homeStation()),
            submission.confidential(), submission.category(), submission.description(),
            new GrievanceSubmitted.Location(place.divisionCode(), place.address(), place.coordinates()),
            submission.occurredAt(), isBlank(references) ? null : references,
            submission.preferredContactTime(), evidence.size());
    }

    private static boolean isBlank(ExternalReferences references) {
        return references == null || references.hotlineTicket() == null && references.platformOrderNumber() == null
            && references.ledger() == null;
    }

    public String id() {
        return trackingNumber.value();
    }

    public TrackingNumber trackingNumber() {
        return trackingNumber;
    }

    public Submission submission() {
        return submission;
    }

    public Worker worker() {
        return submission.worker();
    }

    public String workerRef() {
        return workerRef;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public GrievanceStatus status() {
        return status;
    }

    public List<Supplement> supplements() {
        return List.copyOf(supplements);
    }

    public List<Evidence> evidence() {
        return List.copyOf(evidence);
    }

    public List<Progress> history() {
        return List.copyOf(history);
    }

    public Handling handling() {
        return handling;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant personalDataErasedAt() {
        return personalDataErasedAt;
    }

    public String queryCodeHash() {
        return queryCodeHash;
    }

    public boolean isConfidential() {
        return submission.confidential();
    }

    /** Events raised since the grievance was loaded, oldest first. */
    public List<Object> pendingEvents() {
        return List.copyOf(pendingEvents);
    }
}
