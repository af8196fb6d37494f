package cn.huiyin.jointmeeting.application.meeting;

import java.util.List;

import cn.huiyin.jointmeeting.application.Meetings;
import cn.huiyin.jointmeeting.application.OrganisationStore;
import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;
import cn.huiyin.jointmeeting.domain.organisation.KnownOrganisation;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.Roles;

/** Who may do what with a meeting: loading it, and the convener's and participants' rules, in one place. */
public class MeetingAccess {

    private final Meetings meetings;
    private final OrganisationStore organisations;

    public MeetingAccess(Meetings meetings, OrganisationStore organisations) {
        this.meetings = meetings;
        this.organisations = organisations;
    }

    public JointMeeting load(String meetingId) {
        return meetings.find(meetingId).orElseThrow(() -> DomainException.notFound("meeting.unknown",
            "没有编号为 " + meetingId + " 的联席会议", "There is no joint meeting " + meetingId));
    }

    /** The meeting, for a convener of the organisation that convenes it. */
    public JointMeeting loadForConvener(Caller caller, String meetingId) {
        JointMeeting meeting = load(meetingId);
        if (!caller.has(Roles.MEETING_CONVENER) || !caller.worksFor(meeting.convener().id())) {
            throw DomainException.forbidden("meeting.not-convener", "只有召集单位 " + meeting.convener().name() + " 的召集人可以操作本会议",
                "Only conveners of " + meeting.convener().id() + " may change this meeting");
        }
        return meeting;
    }

    /**
     * The meeting, for someone of its convener or an invited organisation, or a supervisor of an organisation above
     * the convener.
     */
    public JointMeeting loadForParticipant(Caller caller, String meetingId) {
        JointMeeting meeting = load(meetingId);
        if (!mayRead(caller, meeting)) {
            throw DomainException.forbidden("meeting.not-invited", "贵单位未受邀参加本会议",
                "Your organisation is not invited to this meeting");
        }
        return meeting;
    }

    public boolean mayRead(Caller caller, JointMeeting meeting) {
        if (caller.organisationId() != null && meeting.invites(caller.organisationId())) {
            return true;
        }
        return caller.has(Roles.SUPERVISOR) && organisations.find(meeting.convener().id())
            .map(KnownOrganisation::ancestors).orElse(List.of()).stream()
            .anyMatch(above -> above.id().equals(caller.organisationId()));
    }

    /** Whether the expected version (from If-Match) is the stored one; a stale one means someone changed it meanwhile. */
    public static void requireVersion(JointMeeting meeting, Long expectedVersion, boolean required) {
        if (expectedVersion == null) {
            if (required) {
                throw new PreconditionRequired();
            }
            return;
        }
        if (expectedVersion != meeting.version()) {
            throw new StaleVersion(meeting.id(), expectedVersion, meeting.version());
        }
    }

    /** A change that overwrites what others may be editing came without the version it was based on. */
    public static class PreconditionRequired extends RuntimeException {
        public PreconditionRequired() {
            super("If-Match required");
        }
    }

    /** The change was based on a version someone else has changed since. */
    public static class StaleVersion extends RuntimeException {
        private final long current;

        public StaleVersion(String meetingId, long expected, long current) {
            super(meetingId + " is at version " + current + ", not " + expected);
            this.current = current;
        }

        public long current() {
            return current;
        }
    }
}
