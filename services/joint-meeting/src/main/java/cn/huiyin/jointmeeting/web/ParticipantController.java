package cn.huiyin.jointmeeting.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.huiyin.jointmeeting.application.ReviewStatus;
import cn.huiyin.jointmeeting.application.meeting.MeetingQueries;
import cn.huiyin.jointmeeting.application.review.CaseJointReview;
import cn.huiyin.jointmeeting.domain.meeting.Decision;
import cn.huiyin.jointmeeting.domain.meeting.MeetingState;
import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;
import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Decisions and action items (会商结果)",
    description = "The action items an organisation owns, and what joint meetings decided about one case")
class ParticipantController {

    private final MeetingQueries queries;
    private final CaseJointReview caseReview;
    private final Clock clock;

    ParticipantController(MeetingQueries queries, CaseJointReview caseReview, Clock clock) {
        this.queries = queries;
        this.caseReview = caseReview;
        this.clock = clock;
    }

    record OwnedItemView(String meetingId, String meetingTitle, String agendaItemId, String agendaItemTitle,
                         String role, MeetingView.ActionItemView item) {
    }

    @GetMapping("/api/action-items")
    @RolesAllowed({Roles.DEPARTMENT_LIAISON, Roles.ORG_HANDLER, Roles.MEETING_CONVENER, Roles.SUPERVISOR})
    @Operation(summary = "The action items my organisation leads (牵头) or helps with (配合)")
    List<OwnedItemView> myItems() {
        Caller caller = Callers.current();
        Instant now = clock.instant();
        return queries.actionItems(caller).stream().map(owned -> new OwnedItemView(owned.meeting().id(),
            owned.meeting().details().title(), owned.agendaItem().agendaItemId(), owned.agendaItem().title(),
            owned.item().lead().id().equals(caller.organisationId()) ? "LEAD" : "CO_ORGANISER",
            MeetingView.actionItem(owned.item(), now))).toList();
    }

    /** @param reachesThisCase whether the decision covers this grievance (false for a draft or an earlier round) */
    record MeetingDecisionView(String meetingId, String title, MeetingState meetingState, Instant startsAt,
                               String startsAtBeijing, OrganisationRef convener, String agendaItemId,
                               String agendaItemTitle, boolean reachesThisCase, MeetingView.DecisionView decision) {
    }

    record ReviewView(String reviewRequestId, String label, ReviewStatus.State state, String stateName,
                      OrganisationRef convener, int grievanceCount, List<MeetingDecisionView> meetings) {
    }

    record CaseReviewView(String grievanceId, List<ReviewView> reviews) {
    }

    @GetMapping("/api/cases/{grievanceId}/joint-review")
    @RolesAllowed({Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON, Roles.MEETING_CONVENER, Roles.SUPERVISOR,
        Roles.TRIAGE_OFFICER, Roles.CALLBACK_AGENT, Roles.SERVICE})
    @Operation(summary = "What joint meetings decided about one case (本件会商情况)",
        description = "Each review request the grievance belongs to, where it stands, and each meeting that took it up "
            + "with its decision (what the worker is told) and action items with due dates and completion.")
    CaseReviewView ofCase(@PathVariable String grievanceId) {
        Instant now = clock.instant();
        List<ReviewView> reviews = caseReview.of(Callers.current(), grievanceId).stream().map(review -> new ReviewView(
            review.request().id(), review.request().snapshot().label(), review.status().state(),
            review.status().state().nameZh(), review.request().convener(), review.request().grievanceIds().size(),
            review.meetings().stream().map(taken -> new MeetingDecisionView(taken.meeting().id(),
                taken.meeting().details().title(), taken.meeting().isConcluded() ? MeetingState.CONCLUDED
                    : MeetingState.SCHEDULED, taken.meeting().details().startsAt(),
                MeetingView.beijing(taken.meeting().details().startsAt()), taken.meeting().convener(),
                taken.item().agendaItemId(), taken.item().title(), taken.reachesGrievance(),
                decision(taken.decision(), taken.meeting().isConcluded(), now))).toList())).toList();
        return new CaseReviewView(grievanceId, reviews);
    }

    /** Drafts stay in the meeting until it concludes: a case sees a decision only once it is final. */
    private static MeetingView.DecisionView decision(Optional<Decision> decision,
                                                     boolean concluded, Instant now) {
        return concluded ? decision.map(d -> MeetingView.decision(d, false, now)).orElse(null) : null;
    }
}
