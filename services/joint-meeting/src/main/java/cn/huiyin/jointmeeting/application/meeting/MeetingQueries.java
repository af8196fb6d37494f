package cn.huiyin.jointmeeting.application.meeting;

import java.util.List;

import cn.huiyin.jointmeeting.application.Meetings;
import cn.huiyin.jointmeeting.application.OrganisationStore;
import cn.huiyin.jointmeeting.domain.meeting.ActionItem;
import cn.huiyin.jointmeeting.domain.meeting.AgendaItem;
import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;
import cn.huiyin.platform.kernel.access.Caller;

/**
 * The participants' view: the meetings an organisation convenes or is invited to, and the action items it leads or
 * helps with. The organisation is part of the query, so nobody reads another's.
 */
public class MeetingQueries {

    /** An action item with the meeting and agenda item it came from. */
    public record OwnedItem(JointMeeting meeting, AgendaItem agendaItem, ActionItem item) {
    }

    private final MeetingAccess access;
    private final Meetings meetings;
    private final OrganisationStore organisations;

    public MeetingQueries(MeetingAccess access, Meetings meetings, OrganisationStore organisations) {
        this.access = access;
        this.meetings = meetings;
        this.organisations = organisations;
    }

    /**
     * Whether the caller may see which grievances a meeting takes up: not someone of an enterprise, which must not be
     * able to tell which of its workers complained (a worker may have asked for confidentiality).
     */
    public boolean seesGrievanceIds(Caller caller) {
        return organisations.find(caller.organisationId()).map(org -> !org.isEnterprise()).orElse(false);
    }

    public List<JointMeeting> mine(Caller caller) {
        return caller.organisationId() == null ? List.of() : meetings.withParticipant(caller.organisationId());
    }

    public JointMeeting get(Caller caller, String meetingId) {
        return access.loadForParticipant(caller, meetingId);
    }

    public List<OwnedItem> actionItems(Caller caller) {
        if (caller.organisationId() == null) {
            return List.of();
        }
        String org = caller.organisationId();
        return meetings.withActionItemsOf(org).stream().flatMap(m -> m.decisions().stream()
            .flatMap(d -> d.actionItems().stream().filter(a -> a.isOwnedBy(org))
                .map(a -> new OwnedItem(m, m.agendaItem(d.agendaItemId()).orElseThrow(), a)))).toList();
    }
}
