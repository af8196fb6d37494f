package cn.huiyin.triage.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A grievance as triage handles it: classified, then routed to the organisation responsible for it. One per
 * grievance, identified by the grievance id.
 */
public final class TriageCase {

    private final ReceivedGrievance grievance;
    private final TriageState state;
    private final Instant triagedAt;
    private final List<Object> pendingEvents = new ArrayList<>();

    private TriageCase(ReceivedGrievance grievance, TriageState state, Instant triagedAt) {
        this.grievance = Objects.requireNonNull(grievance, "grievance");
        this.state = Objects.requireNonNull(state, "state");
        this.triagedAt = Objects.requireNonNull(triagedAt, "triagedAt");
    }

    /** Opens the case for a grievance intake has just accepted. */
    public static TriageCase open(ReceivedGrievance grievance, Instant now) {
        return new TriageCase(grievance, TriageState.TRIAGED, now);
    }

    public static TriageCase restore(ReceivedGrievance grievance, TriageState state, Instant triagedAt) {
        return new TriageCase(grievance, state, triagedAt);
    }

    public String grievanceId() {
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

    public List<Object> pendingEvents() {
        return List.copyOf(pendingEvents);
    }
}
