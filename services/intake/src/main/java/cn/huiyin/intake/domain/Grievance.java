package cn.huiyin.intake.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A grievance as intake holds it (诉求): what the filer said, who the worker is, and where it stands. New events it
 * raises wait in {@link #pendingEvents()} until the repository stores them with the state.
 */
public final class Grievance {

    private final TrackingNumber trackingNumber;
    private final Submission submission;
    private final String workerRef;
    private final Instant submittedAt;
    private GrievanceStatus status;
    private final List<Object> pendingEvents = new ArrayList<>();

    private Grievance(TrackingNumber trackingNumber, Submission submission, String workerRef, Instant submittedAt,
                      GrievanceStatus status) {
        this.trackingNumber = Objects.requireNonNull(trackingNumber, "trackingNumber");
        this.submission = Objects.requireNonNull(submission, "submission");
        this.workerRef = Objects.requireNonNull(workerRef, "workerRef");
        this.submittedAt = Objects.requireNonNull(submittedAt, "submittedAt");
        this.status = Objects.requireNonNull(status, "status");
    }

    /** Accepts a submission: the grievance exists from now on and the response clock starts. */
    public static Grievance submit(TrackingNumber trackingNumber, Submission submission, String workerRef, Instant now) {
        Grievance grievance = new Grievance(trackingNumber, submission, workerRef, now, GrievanceStatus.SUBMITTED);
        grievance.pendingEvents.add(grievance.submittedEvent());
        return grievance;
    }

    /** Rebuilds a stored grievance; raises no event. */
    public static Grievance restore(TrackingNumber trackingNumber, Submission submission, String workerRef,
                                    Instant submittedAt, GrievanceStatus status) {
        return new Grievance(trackingNumber, submission, workerRef, submittedAt, status);
    }

    private GrievanceSubmitted submittedEvent() {
        Worker worker = submission.worker();
        Place place = submission.place();
        ExternalReferences references = submission.externalReferences();
        return new GrievanceSubmitted(id(), trackingNumber.value(), submittedAt, submission.channel(),
            submission.recordedBy(),
            new GrievanceSubmitted.WorkerSummary(workerRef, worker.group(), worker.platformOrEmployer(),
                worker.homeStation()),
            submission.confidential(), submission.category(), submission.description(),
            new GrievanceSubmitted.Location(place.divisionCode(), place.address(), place.coordinates()),
            submission.occurredAt(), isBlank(references) ? null : references,
            submission.preferredContactTime(), 0);
    }

    private static boolean isBlank(ExternalReferences references) {
        return references == null || references.hotlineTicket() == null && references.platformOrderNumber() == null;
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

    public String workerRef() {
        return workerRef;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public GrievanceStatus status() {
        return status;
    }

    /** Events raised since the grievance was loaded, oldest first. */
    public List<Object> pendingEvents() {
        return List.copyOf(pendingEvents);
    }
}
