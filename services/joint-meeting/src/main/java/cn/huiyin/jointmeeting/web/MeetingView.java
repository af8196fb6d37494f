package cn.huiyin.jointmeeting.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import cn.huiyin.jointmeeting.domain.meeting.ActionItem;
import cn.huiyin.jointmeeting.domain.meeting.AgendaItem;
import cn.huiyin.jointmeeting.domain.meeting.AgendaItemKind;
import cn.huiyin.jointmeeting.domain.meeting.Attendance;
import cn.huiyin.jointmeeting.domain.meeting.Completion;
import cn.huiyin.jointmeeting.domain.meeting.Decision;
import cn.huiyin.jointmeeting.domain.meeting.DecisionOutcome;
import cn.huiyin.jointmeeting.domain.meeting.EffectivenessCheck;
import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;
import cn.huiyin.jointmeeting.domain.meeting.MeetingKind;
import cn.huiyin.jointmeeting.domain.meeting.MeetingState;
import cn.huiyin.jointmeeting.domain.meeting.WorkerRepresentative;
import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;

/**
 * A joint meeting as the API shows it, with times also in Beijing time for people. For someone of an enterprise the
 * grievance ids and the review request ids made from them are left out (only how many), so a firm cannot tell which
 * of its workers complained.
 */
record MeetingView(String meetingId, MeetingKind kind, String title, OrganisationRef convener, MeetingState state,
                   Instant startsAt, Instant endsAt, String startsAtBeijing, String endsAtBeijing, String place,
                   String videoLink, List<OrganisationRef> invitedDepartments, List<OrganisationRef> invitedEnterprises,
                   List<WorkerRepresentative> workerRepresentatives, List<AgendaItemView> agenda, int agendaRevision,
                   List<Attendance> attendance, String minutes, Instant concludedAt, long version, String invitationIcs,
                   String printableMinutes) {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** @param reviewOf with an effectiveness review: the earlier decision it checks */
    record AgendaItemView(String agendaItemId, AgendaItemKind kind, String title, List<String> reviewRequestIds,
                          ReviewOf reviewOf, List<String> grievanceIds, int grievanceCount,
                          EffectivenessView effectivenessCheck, DecisionView decision) {
    }

    record ReviewOf(String meetingId, String agendaItemId) {
    }

    record DecisionView(DecisionOutcome outcome, String outcomeName, String messageToWorkers, LocalDate reviewDate,
                        List<String> grievanceIds, boolean carriedOut, List<ActionItemView> actionItems) {
    }

    /** @param status OPEN, OVERDUE, DONE or EXPLAINED */
    record ActionItemView(String actionItemId, OrganisationRef leadOrganisation, List<OrganisationRef> coOrganisers,
                          String task, String expectedOutcome, LocalDate dueDate, Instant dueAt, String dueAtBeijing,
                          String status, Completion completion, List<String> calendarWarnings) {
    }

    record EffectivenessView(String meetingId, String agendaItemId, String category, String divisionCode,
                             int windowDays, long before, long after, Integer changePercent, boolean windowComplete,
                             String summaryZh, String summaryEn) {
    }

    static MeetingView of(JointMeeting meeting, boolean showGrievances, Instant now) {
        JointMeeting.Snapshot s = meeting.snapshot();
        JointMeeting.Details d = s.details();
        return new MeetingView(s.id(), d.kind(), d.title(), s.convener(), s.state(), d.startsAt(), d.endsAt(),
            beijing(d.startsAt()), beijing(d.endsAt()), d.place(), d.videoLink(), d.invitedDepartments(),
            d.invitedEnterprises(), d.workerRepresentatives(),
            s.agenda().stream().map(item -> agendaItem(item, meeting.decisionOn(item.agendaItemId()), showGrievances, now))
                .toList(), s.agendaRevision(), s.attendance(), s.minutes(), s.concludedAt(), meeting.version(),
            "/api/meetings/" + s.id() + "/invitation.ics", "/api/meetings/" + s.id() + "/minutes.html");
    }

    static AgendaItemView agendaItem(AgendaItem item, Optional<Decision> decision, boolean showGrievances, Instant now) {
        EffectivenessCheck check = item.effectivenessCheck();
        // Review request ids are built from grievance ids (RR-CL-P-HY-…): hidden from enterprises as those are.
        return new AgendaItemView(item.agendaItemId(), item.kind(), item.title(),
            showGrievances ? item.reviewRequestIds() : null, check == null ? null : new ReviewOf(check.meetingId(), check.agendaItemId()), showGrievances ? item.grievanceIds() : null, item.grievanceIds().size(),
            effectiveness(item.effectivenessCheck()), decision.map(dec -> decision(dec, showGrievances, now)).orElse(null));
    }

    static DecisionView decision(Decision decision, boolean showGrievances, Instant now) {
        return new DecisionView(decision.outcome(),
            decision.outcome() == DecisionOutcome.ACTIONS ? "采取措施" : "不采取措施（已说明理由）",
            decision.messageToWorkers(), decision.reviewDate(), showGrievances ? decision.grievanceIds() : null,
            decision.isCarriedOut(), decision.actionItems().stream().map(a -> actionItem(a, now)).toList());
    }

    static ActionItemView actionItem(ActionItem item, Instant now) {
        String status = item.completion() != null ? item.completion().outcome() : item.isOverdue(now) ? "OVERDUE" : "OPEN";
        return new ActionItemView(item.actionItemId(), item.lead(), item.coOrganisers(), item.task(),
            item.expectedOutcome(), item.dueDate(), item.dueAt(), beijing(item.dueAt()), status, item.completion(),
            item.calendarWarnings());
    }

    static EffectivenessView effectiveness(EffectivenessCheck check) {
        if (check == null) {
            return null;
        }
        Integer change = check.changePercent();
        String trendZh = change == null ? "此前无同类投诉" : change <= 0 ? "下降 " + (-change) + "%" : "上升 " + change + "%";
        String trendEn = change == null ? "none before" : change <= 0 ? "down " + (-change) + " %" : "up " + change + " %";
        String partial = check.complete() ? "" : "（评估期未满）";
        return new EffectivenessView(check.meetingId(), check.agendaItemId(), check.category(), check.divisionCode(),
            check.windowDays(), check.before(), check.after(), change, check.complete(),
            "会商前 " + check.windowDays() + " 日同类投诉 " + check.before() + " 件，会商后 " + check.after() + " 件，"
                + trendZh + partial,
            check.before() + " complaints in the " + check.windowDays() + " days before, " + check.after() + " after ("
                + trendEn + (check.complete() ? "" : "; window not over yet") + ")");
    }

    static String beijing(Instant instant) {
        return instant == null ? null : MINUTE.format(instant.atZone(BEIJING));
    }
}
