package cn.huiyin.jointmeeting.application.review;

import java.util.List;
import java.util.Optional;

import cn.huiyin.jointmeeting.application.Meetings;
import cn.huiyin.jointmeeting.application.ReviewRequests;
import cn.huiyin.jointmeeting.application.ReviewStatus;
import cn.huiyin.jointmeeting.application.TrackedGrievances;
import cn.huiyin.jointmeeting.domain.grievance.TrackedGrievance;
import cn.huiyin.jointmeeting.domain.meeting.AgendaItem;
import cn.huiyin.jointmeeting.domain.meeting.Decision;
import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;
import cn.huiyin.jointmeeting.domain.review.ReviewRequest;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.Roles;

/**
 * One grievance's joint review (本件会商情况): the review requests it belongs to, where each stands, and every meeting
 * that took it up with its decision and action items. A decision on a cluster reaches each member grievance here.
 */
public class CaseJointReview {

    /** One review request of the grievance and the meetings that took it up. */
    public record Review(ReviewRequest request, ReviewStatus status, List<Taken> meetings) {
    }

    /** A meeting, the agenda item about the grievance's request, and its decision once concluded (or drafted). */
    public record Taken(JointMeeting meeting, AgendaItem item, Optional<Decision> decision, boolean reachesGrievance) {
    }

    private final ReviewRequests requests;
    private final Meetings meetings;
    private final TrackedGrievances grievances;

    public CaseJointReview(ReviewRequests requests, Meetings meetings, TrackedGrievances grievances) {
        this.requests = requests;
        this.meetings = meetings;
        this.grievances = grievances;
    }

    public List<Review> of(Caller caller, String grievanceId) {
        List<ReviewRequest> found = requests.including(grievanceId);
        Optional<TrackedGrievance> grievance = grievances.find(grievanceId);
        if (found.isEmpty() && grievance.isEmpty()) {
            throw DomainException.notFound("case.unknown", "联席会商没有诉求 " + grievanceId + " 的记录",
                "Joint meetings hold nothing about case " + grievanceId);
        }
        boolean involved = grievance.map(g -> g.involves(caller.organisationId())).orElse(false);
        boolean convenes = found.stream().anyMatch(r -> r.convener() != null && caller.worksFor(r.convener().id()));
        String place = grievance.map(TrackedGrievance::divisionCode)
            .orElse(found.isEmpty() ? null : found.get(0).snapshot().divisionCode());
        boolean inJurisdiction = caller.hasAny(Roles.SUPERVISOR, Roles.TRIAGE_OFFICER, Roles.CALLBACK_AGENT)
            && caller.covers(place);
        if (!involved && !convenes && !inJurisdiction && !caller.has(Roles.SERVICE)) {
            throw DomainException.forbidden("case.out-of-scope", "贵单位不承办本诉求，也不在辖区内",
                "Your organisation neither handles this case nor covers its place");
        }
        List<JointMeeting> taking = meetings.takingUp(found.stream().map(ReviewRequest::id).toList());
        return found.stream().map(request -> {
            List<JointMeeting> mine = taking.stream().filter(m -> ReviewStatus.itemFor(m, request.id()).isPresent()).toList();
            List<Taken> taken = mine.stream().map(m -> {
                AgendaItem item = ReviewStatus.itemFor(m, request.id()).orElseThrow();
                Optional<Decision> decision = m.decisionOn(item.agendaItemId());
                boolean reaches = m.isConcluded() && decision.map(d -> d.grievanceIds().contains(grievanceId)).orElse(false);
                return new Taken(m, item, decision, reaches);
            }).toList();
            return new Review(request, ReviewStatus.of(request, mine), taken);
        }).toList();
    }
}
