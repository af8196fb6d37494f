package cn.huiyin.jointmeeting.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import cn.huiyin.jointmeeting.application.ReviewStatus;
import cn.huiyin.jointmeeting.application.review.ReviewQueue;
import cn.huiyin.jointmeeting.application.review.ReviewRequestIntake;
import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;
import cn.huiyin.jointmeeting.domain.review.Escalation;
import cn.huiyin.jointmeeting.domain.review.Reason;
import cn.huiyin.jointmeeting.domain.review.ReviewRequest;
import cn.huiyin.jointmeeting.domain.review.ReviewSource;
import cn.huiyin.platform.kernel.access.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Review requests (会商请求)", description = "The convener's queue, and escalation of a case by its handler")
class ReviewRequestController {

    private final ReviewQueue queue;
    private final ReviewRequestIntake intake;

    ReviewRequestController(ReviewQueue queue, ReviewRequestIntake intake) {
        this.queue = queue;
        this.intake = intake;
    }

    /**
     * @param state        PENDING (待会商), ON_AGENDA, DECIDED
     * @param onAgendaOf   the open meeting whose agenda holds it
     * @param decidedBy    the concluded meetings that decided on it
     * @param undecidedGrievanceIds members no concluded meeting has decided on yet (later joiners of a decided cluster)
     */
    record ReviewRequestView(String reviewRequestId, ReviewSource source, String clusterId, String clusterKind,
                             String label, String category, String categoryName, String divisionCode,
                             OrganisationRef convener, List<String> grievanceIds, int grievanceCount,
                             Set<String> workerGroups, List<OrganisationRef> enterprises, List<Reason> reasons,
                             List<OrganisationRef> suggestedParticipants, List<Escalation> escalations,
                             ReviewStatus.State state, String stateName, String onAgendaOf, List<String> decidedBy,
                             List<String> undecidedGrievanceIds, Instant queuedAt, Instant updatedAt, int revision) {
    }

    @GetMapping("/api/review-requests")
    @RolesAllowed({Roles.MEETING_CONVENER, Roles.SUPERVISOR, Roles.TRIAGE_OFFICER})
    @Operation(summary = "The review-request queue (待会商队列)",
        description = "Conveners: their organisation's queue. Supervisors and triage officers: requests about places in "
            + "their jurisdiction. Filter by state (PENDING, ON_AGENDA, DECIDED).")
    List<ReviewRequestView> queue(@RequestParam(required = false) ReviewStatus.State state) {
        return queue.queue(Callers.current(), state).stream().map(ReviewRequestController::view).toList();
    }

    @GetMapping("/api/review-requests/{reviewRequestId}")
    @RolesAllowed({Roles.MEETING_CONVENER, Roles.SUPERVISOR, Roles.TRIAGE_OFFICER})
    @Operation(summary = "One review request, its member grievances, worker groups and enterprises")
    ReviewRequestView get(@PathVariable String reviewRequestId) {
        return view(queue.get(Callers.current(), reviewRequestId));
    }

    @PostMapping("/api/cases/{grievanceId}/escalations")
    @RolesAllowed(Roles.ORG_HANDLER)
    @Operation(summary = "Escalate a case to a joint review (提请联席会商)",
        description = "Only the organisation that leads the case and has signed for it. The request goes to the queue "
            + "of the convener above it; a case already waiting for or decided by a joint review answers 409.")
    ResponseEntity<ReviewRequestView> escalate(@PathVariable String grievanceId,
                                               @Valid @RequestBody Requests.EscalationRequest request) {
        ReviewRequest queued = intake.escalate(Callers.current(), grievanceId, request.explanation().strip());
        return ResponseEntity.created(URI.create("/api/review-requests/" + queued.id()))
            .body(view(new ReviewQueue.Entry(queued, ReviewStatus.of(queued, List.of()), Set.of(), List.of())));
    }

    private static ReviewRequestView view(ReviewQueue.Entry entry) {
        ReviewRequest.Snapshot s = entry.request().snapshot();
        ReviewStatus status = entry.status();
        return new ReviewRequestView(s.id(), s.source(), s.clusterId(), s.clusterKind(), s.label(), s.category(),
            s.categoryName(), s.divisionCode(), s.convener(), s.grievanceIds(), s.grievanceIds().size(),
            entry.workerGroups(), entry.enterprises(), s.reasons(), s.suggestedParticipants(), s.escalations(),
            status.state(), status.state().nameZh(), status.onAgendaOf().map(m -> m.id()).orElse(null),
            status.decidedBy().stream().map(m -> m.id()).toList(), status.undecidedGrievanceIds(), s.queuedAt(),
            s.updatedAt(), s.revision());
    }
}
