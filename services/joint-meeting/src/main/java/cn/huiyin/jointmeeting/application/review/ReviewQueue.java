package cn.huiyin.jointmeeting.application.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.huiyin.jointmeeting.application.Meetings;
import cn.huiyin.jointmeeting.application.ReviewRequests;
import cn.huiyin.jointmeeting.application.ReviewStatus;
import cn.huiyin.jointmeeting.application.TrackedGrievances;
import cn.huiyin.jointmeeting.domain.grievance.TrackedGrievance;
import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;
import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;
import cn.huiyin.jointmeeting.domain.review.ReviewRequest;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.Roles;

/**
 * The convener's queue of review requests (待会商): each with where it stands, its member grievances, and the worker
 * groups and enterprises involved as joint-meeting knows them from triage. Conveners see their own organisation's
 * queue; supervisors and triage officers the requests about places in their jurisdiction. The scope is the query.
 */
public class ReviewQueue {

    /** A request and what is known about it now. */
    public record Entry(ReviewRequest request, ReviewStatus status, Set<String> workerGroups,
                        List<OrganisationRef> enterprises) {
    }

    private final ReviewRequests requests;
    private final Meetings meetings;
    private final TrackedGrievances grievances;

    public ReviewQueue(ReviewRequests requests, Meetings meetings, TrackedGrievances grievances) {
        this.requests = requests;
        this.meetings = meetings;
        this.grievances = grievances;
    }

    public List<Entry> queue(Caller caller, ReviewStatus.State state) {
        List<ReviewRequest> found;
        if (caller.has(Roles.MEETING_CONVENER) && caller.organisationId() != null) {
            found = requests.convenedBy(caller.organisationId());
        } else if (caller.jurisdiction().isNone()) {
            found = List.of();
        } else {
            found = requests.within(caller.jurisdiction().prefix());
        }
        List<JointMeeting> involved = meetings.takingUp(found.stream().map(ReviewRequest::id).toList());
        return found.stream().map(r -> entry(r, involved)).filter(e -> state == null || e.status().state() == state)
            .toList();
    }

    public Entry get(Caller caller, String id) {
        ReviewRequest request = requests.find(id).orElseThrow(() -> DomainException.notFound("review-request.unknown",
            "没有编号为 " + id + " 的会商请求", "There is no review request " + id));
        boolean convenes = caller.has(Roles.MEETING_CONVENER) && request.convener() != null
            && caller.worksFor(request.convener().id());
        boolean inJurisdiction = caller.hasAny(Roles.SUPERVISOR, Roles.TRIAGE_OFFICER)
            && caller.covers(request.snapshot().divisionCode());
        if (!convenes && !inJurisdiction) {
            throw DomainException.forbidden("review-request.out-of-scope", "该会商请求不在贵单位的队列或辖区内",
                "This review request is neither in your organisation's queue nor in your jurisdiction");
        }
        return entry(request, meetings.takingUp(List.of(id)));
    }

    private Entry entry(ReviewRequest request, List<JointMeeting> involved) {
        ReviewStatus status = ReviewStatus.of(request, involved.stream()
            .filter(m -> ReviewStatus.itemFor(m, request.id()).isPresent()).toList());
        Set<String> groups = new LinkedHashSet<>();
        List<OrganisationRef> enterprises = new ArrayList<>();
        for (TrackedGrievance g : grievances.findAll(request.grievanceIds())) {
            if (g.workerGroup() != null) {
                groups.add(g.workerGroup());
            }
            g.enterprises().stream().filter(e -> enterprises.stream().noneMatch(x -> x.id().equals(e.id())))
                .forEach(enterprises::add);
        }
        request.snapshot().suggestedParticipants().stream().filter(o -> "ENTERPRISE".equals(o.type()))
            .filter(e -> enterprises.stream().noneMatch(x -> x.id().equals(e.id()))).forEach(enterprises::add);
        return new Entry(request, status, groups, enterprises);
    }
}
