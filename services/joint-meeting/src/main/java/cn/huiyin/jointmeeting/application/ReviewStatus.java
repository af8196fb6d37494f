package cn.huiyin.jointmeeting.application;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.huiyin.jointmeeting.domain.meeting.AgendaItem;
import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;
import cn.huiyin.jointmeeting.domain.review.ReviewRequest;

/**
 * Where a review request stands, as the meetings that took it up say: on the agenda of a meeting not yet concluded,
 * decided (every grievance it holds is covered by a concluded meeting's decision), or pending — including a decided
 * cluster that later grievances joined, which goes to the next meeting.
 */
public record ReviewStatus(State state, Optional<JointMeeting> onAgendaOf, List<JointMeeting> decidedBy,
                           List<String> undecidedGrievanceIds) {

    public enum State {
        PENDING("待会商"), ON_AGENDA("已列入议程"), DECIDED("已作出会商意见");

        private final String nameZh;

        State(String nameZh) {
            this.nameZh = nameZh;
        }

        public String nameZh() {
            return nameZh;
        }
    }

    public static ReviewStatus of(ReviewRequest request, List<JointMeeting> meetingsTakingItUp) {
        Optional<JointMeeting> open = meetingsTakingItUp.stream().filter(m -> !m.isConcluded())
            .filter(m -> itemFor(m, request.id()).isPresent()).findFirst();
        List<JointMeeting> concluded = meetingsTakingItUp.stream().filter(JointMeeting::isConcluded)
            .filter(m -> itemFor(m, request.id()).isPresent()).toList();
        Set<String> covered = new LinkedHashSet<>();
        concluded.forEach(m -> m.decisionOn(itemFor(m, request.id()).orElseThrow().agendaItemId())
            .ifPresent(d -> covered.addAll(d.grievanceIds())));
        List<String> undecided = request.grievanceIds().stream().filter(g -> !covered.contains(g)).toList();
        State state = open.isPresent() ? State.ON_AGENDA : undecided.isEmpty() ? State.DECIDED : State.PENDING;
        return new ReviewStatus(state, open, concluded, undecided);
    }

    public static Optional<AgendaItem> itemFor(JointMeeting meeting, String reviewRequestId) {
        return meeting.agenda().stream().filter(a -> a.reviewRequestIds().contains(reviewRequestId)).findFirst();
    }

    public boolean isDecided() {
        return state == State.DECIDED;
    }

    public boolean isPending() {
        return state == State.PENDING;
    }
}
