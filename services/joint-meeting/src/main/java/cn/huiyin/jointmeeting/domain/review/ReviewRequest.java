package cn.huiyin.jointmeeting.domain.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.huiyin.jointmeeting.domain.events.ReviewRequestQueued;
import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;

/**
 * A review request (会商请求) waiting in its convener's queue: a cluster of grievances, or one case, that a joint meeting
 * should decide on. There is one request per cluster: later requests for the same cluster are merged into it (their
 * grievances join it), never queued twice. Whether it is pending, on an agenda or decided is not stored here; the
 * meetings that took it up say so (see {@code ReviewStatus}).
 *
 * @param divisionCode where the grievances happened, as triage gave it for the case that asked
 */
public final class ReviewRequest {

    /** The state of a request, stored and restored. */
    public record Snapshot(String id, ReviewSource source, String clusterId, String clusterKind, String label,
                           String category, String categoryName, String divisionCode, OrganisationRef convener,
                           List<String> grievanceIds, List<Reason> reasons, List<OrganisationRef> suggestedParticipants,
                           List<Escalation> escalations, Instant queuedAt, Instant updatedAt, int revision) {
    }

    /** What a requester asks for; merged into an existing request of the same id. */
    public record Ask(ReviewSource source, String clusterId, String clusterKind, String label, String category,
                      String categoryName, String divisionCode, OrganisationRef convener, List<String> grievanceIds,
                      List<Reason> reasons, List<OrganisationRef> suggestedParticipants, Escalation escalation) {

        public Ask {
            grievanceIds = List.copyOf(grievanceIds);
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
            suggestedParticipants = suggestedParticipants == null ? List.of() : List.copyOf(suggestedParticipants);
        }

        /** The request this ask belongs to: one per cluster, else one per case. */
        public String requestId() {
            return "RR-" + (clusterId != null ? clusterId : grievanceIds.get(0));
        }
    }

    private Snapshot state;
    private final List<Object> pendingEvents = new ArrayList<>();

    private ReviewRequest(Snapshot state) {
        this.state = state;
    }

    public static ReviewRequest queue(Ask ask, Instant now) {
        ReviewRequest request = new ReviewRequest(new Snapshot(ask.requestId(), ask.source(), ask.clusterId(),
            ask.clusterKind(), ask.label(), ask.category(), ask.categoryName(), ask.divisionCode(), ask.convener(),
            distinct(ask.grievanceIds()), distinct(ask.reasons()), distinct(ask.suggestedParticipants()),
            ask.escalation() == null ? List.of() : List.of(ask.escalation()), now, now, 1));
        request.pendingEvents.add(request.queued());
        return request;
    }

    public static ReviewRequest restore(Snapshot snapshot) {
        return new ReviewRequest(snapshot);
    }

    /**
     * Merges a later ask for the same request: new grievances join, new reasons and escalations are added. A replay
     * of an ask already merged changes nothing.
     *
     * @return whether anything changed (and a new revision of {@link ReviewRequestQueued} was raised)
     */
    public boolean merge(Ask ask, Instant now) {
        if (!ask.requestId().equals(state.id())) {
            throw new IllegalArgumentException(ask.requestId() + " cannot be merged into " + state.id());
        }
        List<String> grievances = union(state.grievanceIds(), ask.grievanceIds());
        List<Reason> reasons = union(state.reasons(), ask.reasons());
        List<OrganisationRef> suggested = union(state.suggestedParticipants(), ask.suggestedParticipants());
        List<Escalation> escalations = new ArrayList<>(state.escalations());
        boolean newEscalation = ask.escalation() != null && escalations.stream().noneMatch(e ->
            e.grievanceId().equals(ask.escalation().grievanceId()) && e.at().equals(ask.escalation().at()));
        if (newEscalation) {
            escalations.add(ask.escalation());
        }
        if (grievances.equals(state.grievanceIds()) && reasons.equals(state.reasons())
            && suggested.equals(state.suggestedParticipants()) && !newEscalation) {
            return false;
        }
        Snapshot s = state;
        state = new Snapshot(s.id(), s.source(), s.clusterId(), s.clusterKind(), s.label(), s.category(),
            s.categoryName(), s.divisionCode(), s.convener() != null ? s.convener() : ask.convener(), grievances, reasons,
            suggested, List.copyOf(escalations), s.queuedAt(), now, s.revision() + 1);
        pendingEvents.add(queued());
        return true;
    }

    /**
     * The place whose complaints show whether a decision worked: the street of a place cluster, else the district
     * (an enterprise's workers are spread over it).
     */
    public String placeOfConcern() {
        String code = state.divisionCode();
        if (code == null) {
            return null;
        }
        if ("PLACE".equals(state.clusterKind()) && code.length() >= 9) {
            return code.substring(0, 9);
        }
        return code.length() >= 6 ? code.substring(0, 6) : code;
    }

    public boolean includes(String grievanceId) {
        return state.grievanceIds().contains(grievanceId);
    }

    public String id() {
        return state.id();
    }

    public OrganisationRef convener() {
        return state.convener();
    }

    public List<String> grievanceIds() {
        return state.grievanceIds();
    }

    public Snapshot snapshot() {
        return state;
    }

    public List<Object> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    private ReviewRequestQueued queued() {
        Snapshot s = state;
        return new ReviewRequestQueued(s.id(), s.revision(), s.source(), s.clusterId(), s.clusterKind(), s.label(),
            s.category(), s.categoryName(), s.divisionCode(), s.convener(), s.grievanceIds(), s.reasons(),
            s.escalations().stream().map(e -> new ReviewRequestQueued.Escalated(e.grievanceId(), e.organisation(),
                e.explanation(), e.at())).toList(), s.queuedAt(), s.updatedAt());
    }

    private static <T> List<T> distinct(List<T> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static <T> List<T> union(List<T> existing, List<T> added) {
        Set<T> all = new LinkedHashSet<>(existing);
        all.addAll(added);
        return List.copyOf(all);
    }
}
