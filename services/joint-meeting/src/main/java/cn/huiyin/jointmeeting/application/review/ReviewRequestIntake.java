package cn.huiyin.jointmeeting.application.review;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import cn.huiyin.jointmeeting.application.Meetings;
import cn.huiyin.jointmeeting.application.OrganisationStore;
import cn.huiyin.jointmeeting.application.ReviewRequests;
import cn.huiyin.jointmeeting.application.ReviewStatus;
import cn.huiyin.jointmeeting.application.TrackedGrievances;
import cn.huiyin.jointmeeting.domain.grievance.TrackedGrievance;
import cn.huiyin.jointmeeting.domain.organisation.Directory;
import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;
import cn.huiyin.jointmeeting.domain.review.Escalation;
import cn.huiyin.jointmeeting.domain.review.ReviewRequest;
import cn.huiyin.jointmeeting.domain.review.ReviewSource;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.access.Caller;

/**
 * Review requests come in two ways: triage asks for a joint review of a cluster or a flagged case, and a handling
 * organisation escalates a case it cannot solve alone. Either way the ask lands in the convener's queue, merged into
 * the request that already exists for the same cluster or case.
 */
public class ReviewRequestIntake {

    private final ReviewRequests requests;
    private final Meetings meetings;
    private final TrackedGrievances grievances;
    private final OrganisationStore organisations;
    private final Clock clock;

    public ReviewRequestIntake(ReviewRequests requests, Meetings meetings, TrackedGrievances grievances,
                               OrganisationStore organisations, Clock clock) {
        this.requests = requests;
        this.meetings = meetings;
        this.grievances = grievances;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Triage asked: one ask per cluster the case belongs to, or one for the case alone. */
    public void requested(List<ReviewRequest.Ask> asks) {
        asks.forEach(this::queueOrMerge);
    }

    /** The convener of a review the case's lead asks for, or the territorial organisation of the place. */
    public Optional<OrganisationRef> convenerFor(OrganisationRef lead, String divisionCode) {
        Directory directory = new Directory(organisations.all());
        return directory.convenerFor(lead).or(() -> directory.territorialFor(divisionCode));
    }

    /**
     * A handler escalates a case its organisation leads and has signed for (提请联席会商). A case already waiting for a
     * joint review, or already decided by one, is not queued again.
     */
    public ReviewRequest escalate(Caller caller, String grievanceId, String explanation) {
        TrackedGrievance grievance = grievances.find(grievanceId).filter(g -> g.lead() != null || g.category() != null)
            .orElseThrow(() -> DomainException.notFound("case.unknown", "联席会商尚未收到诉求 " + grievanceId + " 的分拨信息",
                "Joint meetings have not heard of case " + grievanceId + " from triage"));
        if (grievance.lead() == null || !grievance.lead().id().equals(caller.organisationId())) {
            throw DomainException.forbidden("case.not-yours", "只有主办单位可以提请联席会商",
                "Only the organisation that leads the case may escalate it");
        }
        if (!grievance.isHandledBy(caller.organisationId())) {
            throw DomainException.conflict("case.not-signed-for", "请先签收本诉求，再提请联席会商",
                "Sign for the case before you escalate it");
        }
        for (ReviewRequest existing : requests.including(grievanceId)) {
            ReviewStatus status = ReviewStatus.of(existing, meetings.takingUp(List.of(existing.id())));
            throw DomainException.conflict(status.isDecided() ? "review.already-decided" : "review.already-queued",
                "本诉求已在会商请求 " + existing.id() + " 中（" + status.state().nameZh() + "）",
                "This case is already in review request " + existing.id() + " (" + status.state() + ")");
        }
        OrganisationRef lead = grievance.lead();
        ReviewRequest.Ask ask = new ReviewRequest.Ask(ReviewSource.ESCALATION, null, null,
            grievance.categoryName() == null ? grievanceId : grievance.categoryName() + " · " + grievanceId,
            grievance.category(), grievance.categoryName(), grievance.divisionCode(),
            convenerFor(lead, grievance.divisionCode()).orElse(lead), List.of(grievanceId), List.of(),
            grievance.coHandlers(), new Escalation(grievanceId, lead, caller.username(), explanation, clock.instant()));
        return queueOrMerge(ask);
    }

    private ReviewRequest queueOrMerge(ReviewRequest.Ask ask) {
        ReviewRequest fresh = ReviewRequest.queue(ask, clock.instant());
        if (requests.addIfAbsent(fresh)) {
            return fresh;
        }
        ReviewRequest existing = requests.find(ask.requestId()).orElseThrow();
        if (existing.merge(ask, clock.instant())) {
            requests.update(existing);
        }
        return existing;
    }
}
