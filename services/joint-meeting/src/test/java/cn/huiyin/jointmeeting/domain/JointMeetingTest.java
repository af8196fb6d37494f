package cn.huiyin.jointmeeting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.huiyin.jointmeeting.domain.events.ActionItemAssigned;
import cn.huiyin.jointmeeting.domain.events.MeetingConcluded;
import cn.huiyin.jointmeeting.domain.meeting.ActionItem;
import cn.huiyin.jointmeeting.domain.meeting.AgendaItem;
import cn.huiyin.jointmeeting.domain.meeting.AgendaItemKind;
import cn.huiyin.jointmeeting.domain.meeting.Completion;
import cn.huiyin.jointmeeting.domain.meeting.ConclusionRefused;
import cn.huiyin.jointmeeting.domain.meeting.Decision;
import cn.huiyin.jointmeeting.domain.meeting.DecisionOutcome;
import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;
import cn.huiyin.jointmeeting.domain.meeting.MeetingKind;
import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;
import cn.huiyin.jointmeeting.domain.review.ReviewRequest;
import cn.huiyin.jointmeeting.domain.review.ReviewSource;
import cn.huiyin.platform.kernel.DomainException;
import org.junit.jupiter.api.Test;

class JointMeetingTest {

    private static final Instant START = Instant.parse("2026-12-03T02:00:00Z");
    private static final OrganisationRef STREET = new OrganisationRef("org-street-damian", "大面街道党工委", "STREET");
    private static final OrganisationRef URBAN = new OrganisationRef("org-dept-urban", "市城市管理委员会（城管）", "MEMBER_DEPARTMENT");

    @Test
    void concludingReachesTheGrievancesTheRequestHoldsThenAndAssignsEachItemOnce() {
        JointMeeting meeting = meetingWithItem();
        meeting.decide(decision(item("增设停车位"), item("设引导标识")));
        meeting.writeMinutes("纪要");

        meeting.conclude(Map.of("RR-CL-P-HY-20261122-000105", List.of("HY-20261122-000105", "HY-20261124-000012")),
            "convener", START.plusSeconds(7200));

        MeetingConcluded concluded = (MeetingConcluded) meeting.pendingEvents().stream()
            .filter(MeetingConcluded.class::isInstance).findFirst().orElseThrow();
        assertThat(concluded.decisions().get(0).grievanceIds()).containsExactly("HY-20261122-000105", "HY-20261124-000012");
        assertThat(meeting.pendingEvents().stream().filter(ActionItemAssigned.class::isInstance)
            .map(e -> ((ActionItemAssigned) e).actionItemId()))
            .containsExactly("AI-JM-20261203-001-1", "AI-JM-20261203-001-2");
        assertThatThrownBy(() -> meeting.conclude(Map.of(), "convener", START.plusSeconds(9000)))
            .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("meeting.already-concluded"));
    }

    @Test
    void aMeetingWithAnUndecidedItemAndNoMinutesNamesBothAndStaysOpen() {
        JointMeeting meeting = meetingWithItem();

        assertThatThrownBy(() -> meeting.conclude(Map.of(), "convener", START.plusSeconds(7200)))
            .isInstanceOfSatisfying(ConclusionRefused.class, e -> assertThat(e.problems()).hasSize(2));
        assertThat(meeting.isConcluded()).isFalse();
    }

    @Test
    void aCompletionIsRecordedOnceAndARepeatChangesNothing() {
        JointMeeting meeting = meetingWithItem();
        meeting.decide(decision(item("增设停车位")));
        meeting.writeMinutes("纪要");
        meeting.conclude(Map.of(), "convener", START.plusSeconds(7200));
        Completion done = new Completion("DONE", "已增设", 2, URBAN, START.plusSeconds(86_400 * 10));

        assertThat(meeting.completeActionItem("AI-JM-20261203-001-1", done)).isTrue();
        assertThat(meeting.completeActionItem("AI-JM-20261203-001-1", done)).isFalse();
        assertThat(meeting.decisions().get(0).isCarriedOut()).isTrue();
    }

    @Test
    void aLaterAskForTheSameClusterMergesAndItsReplayChangesNothing() {
        ReviewRequest.Ask first = ask(List.of("HY-20261122-000105", "HY-20261122-000144", "HY-20261123-000031"));
        ReviewRequest request = ReviewRequest.queue(first, START);
        ReviewRequest.Ask later = ask(List.of("HY-20261122-000105", "HY-20261124-000012"));

        assertThat(request.merge(later, START.plusSeconds(60))).isTrue();
        assertThat(request.merge(later, START.plusSeconds(120))).isFalse();
        assertThat(request.merge(first, START.plusSeconds(180))).isFalse();
        assertThat(request.grievanceIds()).hasSize(4);
        assertThat(request.snapshot().revision()).isEqualTo(2);
        assertThat(request.pendingEvents()).hasSize(2);
    }

    private static ReviewRequest.Ask ask(List<String> members) {
        return new ReviewRequest.Ask(ReviewSource.CLUSTER, "CL-P-HY-20261122-000105", "PLACE", "大面街道 · 停车难、进门难",
            "PARKING_ACCESS", "停车难、进门难", "510112002001", STREET, members, List.of(), List.of(), null);
    }

    private static JointMeeting meetingWithItem() {
        JointMeeting meeting = JointMeeting.schedule("JM-20261203-001", new JointMeeting.Details(MeetingKind.AD_HOC,
            "大面街道骑手停车难联席会议", START, START.plusSeconds(7200), "会议室", null, List.of(URBAN), List.of(), List.of()),
            STREET, "convener", START.minusSeconds(86_400));
        meeting.setAgenda(List.of(new AgendaItem(null, AgendaItemKind.REVIEW_REQUESTS, "停车难",
            List.of("RR-CL-P-HY-20261122-000105"), List.of("HY-20261122-000105"), "PARKING_ACCESS", "510112002", null)),
            START.minusSeconds(3600));
        return meeting;
    }

    private static Decision decision(ActionItem... items) {
        return new Decision("AG-1", DecisionOutcome.ACTIONS, "增设停车位", List.of(items), LocalDate.of(2027, 1, 2),
            "convener", START, List.of());
    }

    private static ActionItem item(String task) {
        return new ActionItem(null, URBAN, List.of(STREET), task, "200个", LocalDate.of(2026, 12, 17),
            Instant.parse("2026-12-17T09:30:00Z"), List.of(), null);
    }
}
