package cn.huiyin.jointmeeting.application.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.huiyin.jointmeeting.application.Meetings;
import cn.huiyin.jointmeeting.application.ReviewRequests;
import cn.huiyin.jointmeeting.application.ReviewStatus;
import cn.huiyin.jointmeeting.domain.meeting.AgendaItem;
import cn.huiyin.jointmeeting.domain.meeting.AgendaItemKind;
import cn.huiyin.jointmeeting.domain.meeting.Decision;
import cn.huiyin.jointmeeting.domain.meeting.DueDates;
import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;
import cn.huiyin.jointmeeting.domain.review.ReviewRequest;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;
import cn.huiyin.platform.kernel.access.Caller;

/**
 * The agenda (议程): proposed from the convener's queue of pending review requests and from earlier decisions whose
 * review date has come, then set by the convener as they see fit. Setting it replaces the whole agenda, so it must be
 * based on the version the convener saw: two conveners editing at once are told, not silently overwritten.
 */
public class AgendaPlanning {

    /**
     * One agenda item as the convener sets it: review requests to decide on, or an earlier decision to check.
     *
     * @param agendaItemId       an existing item's id to keep it (and its draft decision); null for a new item
     * @param reviewOfMeetingId  with {@code reviewOfAgendaItemId}: the earlier decision to check
     */
    public record Draft(String agendaItemId, String title, List<String> reviewRequestIds, String reviewOfMeetingId,
                        String reviewOfAgendaItemId) {

        public Draft {
            reviewRequestIds = reviewRequestIds == null ? List.of() : List.copyOf(reviewRequestIds);
        }
    }

    private final MeetingAccess access;
    private final Meetings meetings;
    private final ReviewRequests requests;
    private final Effectiveness effectiveness;
    private final Clock clock;

    public AgendaPlanning(MeetingAccess access, Meetings meetings, ReviewRequests requests, Effectiveness effectiveness,
                          Clock clock) {
        this.access = access;
        this.meetings = meetings;
        this.requests = requests;
        this.effectiveness = effectiveness;
        this.clock = clock;
    }

    /** The current agenda, then every pending request of the convener's queue and every decision due for review. */
    public List<AgendaItem> propose(Caller caller, String meetingId) {
        JointMeeting meeting = access.loadForConvener(caller, meetingId);
        List<JointMeeting> ofConvener = meetings.convenedBy(meeting.convener().id());
        List<AgendaItem> proposal = new ArrayList<>(meeting.agenda());
        for (ReviewRequest request : requests.convenedBy(meeting.convener().id())) {
            ReviewStatus status = ReviewStatus.of(request, ofConvener);
            if (status.isPending()) {
                proposal.add(itemFor(null, null, List.of(request)));
            }
        }
        LocalDate day = DueDates.meetingDay(meeting.details().startsAt());
        for (JointMeeting earlier : ofConvener) {
            if (!earlier.isConcluded()) {
                continue;
            }
            for (Decision decision : earlier.decisions()) {
                boolean due = decision.reviewDate() != null && !decision.reviewDate().isAfter(day);
                if (due && !reviewed(ofConvener, earlier.id(), decision.agendaItemId())) {
                    proposal.add(reviewItem(null, null, earlier, earlier.agendaItem(decision.agendaItemId()).orElseThrow()));
                }
            }
        }
        return proposal;
    }

    public JointMeeting setAgenda(Caller caller, String meetingId, Long expectedVersion, List<Draft> drafts) {
        JointMeeting meeting = access.loadForConvener(caller, meetingId);
        MeetingAccess.requireVersion(meeting, expectedVersion, true);
        List<JointMeeting> ofConvener = meetings.convenedBy(meeting.convener().id());
        List<FieldProblem> problems = new ArrayList<>();
        List<AgendaItem> items = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            String path = "items[" + i + "]";
            boolean asksReview = draft.reviewOfMeetingId() != null || draft.reviewOfAgendaItemId() != null;
            if (draft.reviewRequestIds().isEmpty() == !asksReview) {
                problems.add(new FieldProblem(path, "agenda-item.subject",
                    "每项议题应列出会商请求（reviewRequestIds）或要评估的既往决定（reviewOf），二者取其一",
                    "name either review requests (reviewRequestIds) or an earlier decision to check (reviewOf), not both"));
                continue;
            }
            if (asksReview) {
                reviewed(meeting, draft, path, ofConvener, problems).ifPresent(items::add);
            } else {
                List<ReviewRequest> found = requestsFor(meeting, draft, path, ofConvener, problems);
                if (found.size() == draft.reviewRequestIds().size()) {
                    items.add(itemFor(draft.agendaItemId(), draft.title(), found));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        meeting.setAgenda(items, clock.instant());
        meetings.update(meeting);
        return meeting;
    }

    private List<ReviewRequest> requestsFor(JointMeeting meeting, Draft draft, String path,
                                            List<JointMeeting> ofConvener, List<FieldProblem> problems) {
        List<ReviewRequest> found = new ArrayList<>();
        for (int j = 0; j < draft.reviewRequestIds().size(); j++) {
            String id = draft.reviewRequestIds().get(j);
            String field = path + ".reviewRequestIds[" + j + "]";
            Optional<ReviewRequest> request = requests.find(id)
                .filter(r -> r.convener() != null && r.convener().id().equals(meeting.convener().id()));
            if (request.isEmpty()) {
                problems.add(new FieldProblem(field, "review-request.unknown", "召集单位的会商请求中没有 " + id,
                    "the convener's queue has no review request " + id));
                continue;
            }
            ReviewStatus status = ReviewStatus.of(request.get(), ofConvener);
            Optional<JointMeeting> elsewhere = status.onAgendaOf().filter(m -> !m.id().equals(meeting.id()));
            if (elsewhere.isPresent()) {
                problems.add(new FieldProblem(field, "review-request.on-other-agenda",
                    id + " 已列入会议 " + elsewhere.get().id() + " 的议程", id + " is on the agenda of " + elsewhere.get().id()));
            } else if (status.isDecided()) {
                problems.add(new FieldProblem(field, "review-request.decided", id + " 已作出会商意见",
                    id + " has been decided"));
            } else {
                found.add(request.get());
            }
        }
        return found;
    }

    private Optional<AgendaItem> reviewed(JointMeeting meeting, Draft draft, String path, List<JointMeeting> ofConvener,
                                         List<FieldProblem> problems) {
        Optional<JointMeeting> earlier = ofConvener.stream()
            .filter(m -> m.isConcluded() && m.id().equals(draft.reviewOfMeetingId())).findFirst();
        Optional<AgendaItem> item = earlier.flatMap(m -> m.agendaItem(String.valueOf(draft.reviewOfAgendaItemId())));
        if (item.isEmpty() || earlier.get().id().equals(meeting.id())) {
            problems.add(new FieldProblem(path + ".reviewOf", "decision.unknown", "召集单位已结束的会议中没有该决定",
                "no such decision of a concluded meeting of this convener"));
            return Optional.empty();
        }
        return Optional.of(reviewItem(draft.agendaItemId(), draft.title(), earlier.get(), item.get()));
    }

    private AgendaItem reviewItem(String id, String title, JointMeeting earlier, AgendaItem item) {
        List<String> grievances = earlier.decisionOn(item.agendaItemId()).map(Decision::grievanceIds).orElse(List.of());
        return new AgendaItem(id, AgendaItemKind.EFFECTIVENESS_REVIEW,
            title != null && !title.isBlank() ? title.strip() : "成效评估：" + item.title(), List.of(), grievances,
            item.category(), item.divisionCode(), effectiveness.check(earlier, item));
    }

    private static AgendaItem itemFor(String id, String title, List<ReviewRequest> found) {
        ReviewRequest first = found.get(0);
        String label = first.snapshot().label() != null ? first.snapshot().label() : first.snapshot().categoryName();
        List<String> grievances = found.stream().flatMap(r -> r.grievanceIds().stream()).distinct().toList();
        return new AgendaItem(id, AgendaItemKind.REVIEW_REQUESTS,
            title != null && !title.isBlank() ? title.strip() : label + "（" + grievances.size() + " 件）",
            found.stream().map(ReviewRequest::id).toList(), grievances, first.snapshot().category(),
            first.placeOfConcern(), null);
    }

    private static boolean reviewed(List<JointMeeting> meetings, String meetingId, String agendaItemId) {
        return meetings.stream().flatMap(m -> m.agenda().stream()).anyMatch(a -> a.effectivenessCheck() != null
            && a.effectivenessCheck().meetingId().equals(meetingId)
            && a.effectivenessCheck().agendaItemId().equals(agendaItemId));
    }
}
