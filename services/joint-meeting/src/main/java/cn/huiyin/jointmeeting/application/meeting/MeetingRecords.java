package cn.huiyin.jointmeeting.application.meeting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.jointmeeting.application.Meetings;
import cn.huiyin.jointmeeting.application.OrganisationStore;
import cn.huiyin.jointmeeting.application.ReviewRequests;
import cn.huiyin.jointmeeting.domain.meeting.Attendance;
import cn.huiyin.jointmeeting.domain.meeting.AttendanceStatus;
import cn.huiyin.jointmeeting.domain.meeting.DueDates;
import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;
import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;
import cn.huiyin.jointmeeting.domain.review.ReviewRequest;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;
import cn.huiyin.platform.kernel.access.Caller;

/**
 * What the convener records for a meeting: attendance (出席情况), a decision per agenda item (会商意见), the minutes
 * (会议纪要), and finally its conclusion, which fixes the decisions for every member grievance and assigns the action
 * items. Every change is one write of the meeting; If-Match, when sent, must name the version the change is based on.
 */
public class MeetingRecords {

    /** An attendance entry as sent: an invited organisation by id, or a group of worker representatives by label. */
    public record AttendanceEntry(String organisationId, String representative, AttendanceStatus status, String note) {
    }

    private final MeetingAccess access;
    private final Meetings meetings;
    private final ReviewRequests requests;
    private final DecisionDrafting drafting;
    private final Clock clock;

    public MeetingRecords(MeetingAccess access, Meetings meetings, ReviewRequests requests,
                          OrganisationStore organisations, DueDates dueDates, Clock clock) {
        this.access = access;
        this.meetings = meetings;
        this.requests = requests;
        this.drafting = new DecisionDrafting(organisations, dueDates);
        this.clock = clock;
    }

    public JointMeeting recordAttendance(Caller caller, String meetingId, Long expectedVersion,
                                         List<AttendanceEntry> entries) {
        JointMeeting meeting = access.loadForConvener(caller, meetingId);
        MeetingAccess.requireVersion(meeting, expectedVersion, false);
        List<Attendance> attendance = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            AttendanceEntry entry = entries.get(i);
            if ((entry.organisationId() == null) == (entry.representative() == null) || entry.status() == null) {
                throw new InvalidFieldsException(List.of(new FieldProblem("entries[" + i + "]", "attendance.who",
                    "每条应有出席状态，并且只填单位（organisationId）或职工代表（representative）之一",
                    "each entry needs a status and either organisationId or representative")));
            }
            OrganisationRef org = entry.organisationId() == null ? null : meeting.participant(entry.organisationId())
                .orElse(new OrganisationRef(entry.organisationId(), null, null));
            attendance.add(new Attendance(org, entry.representative(), entry.status(),
                ScheduleMeeting.blankToNull(entry.note())));
        }
        meeting.recordAttendance(attendance);
        meetings.update(meeting);
        return meeting;
    }

    public JointMeeting decide(Caller caller, String meetingId, String agendaItemId, Long expectedVersion,
                               DecisionDrafting.Draft draft) {
        JointMeeting meeting = access.loadForConvener(caller, meetingId);
        MeetingAccess.requireVersion(meeting, expectedVersion, false);
        meeting.agendaItem(agendaItemId).orElseThrow(() -> DomainException.notFound(
            "agenda-item.unknown", "本会议议程中没有议题 " + agendaItemId, "This meeting's agenda has no item " + agendaItemId));
        meeting.decide(drafting.draft(meeting, agendaItemId, draft, caller.username(), clock.instant()));
        meetings.update(meeting);
        return meeting;
    }

    public JointMeeting writeMinutes(Caller caller, String meetingId, Long expectedVersion, String text) {
        JointMeeting meeting = access.loadForConvener(caller, meetingId);
        MeetingAccess.requireVersion(meeting, expectedVersion, true);
        meeting.writeMinutes(text);
        meetings.update(meeting);
        return meeting;
    }

    /** Concludes the meeting; its decisions reach every grievance its review requests hold at this moment. */
    public JointMeeting conclude(Caller caller, String meetingId, Long expectedVersion) {
        JointMeeting meeting = access.loadForConvener(caller, meetingId);
        MeetingAccess.requireVersion(meeting, expectedVersion, false);
        List<String> ids = meeting.agenda().stream().flatMap(a -> a.reviewRequestIds().stream()).distinct().toList();
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (ReviewRequest request : requests.findAll(ids)) {
            members.put(request.id(), request.grievanceIds());
        }
        meeting.conclude(members, caller.username(), clock.instant());
        meetings.update(meeting);
        return meeting;
    }
}
