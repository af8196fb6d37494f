package cn.huiyin.jointmeeting.application.meeting;

import cn.huiyin.jointmeeting.application.Meetings;
import cn.huiyin.jointmeeting.domain.meeting.Completion;
import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follow-up tracks the action items and says when one is done or explained ({@code ActionItemCompleted}); the meeting
 * that assigned it keeps that, so its participants and the member grievances' view show it. A repeat changes nothing.
 */
public class FollowThrough {

    private static final Logger log = LoggerFactory.getLogger(FollowThrough.class);

    private final Meetings meetings;

    public FollowThrough(Meetings meetings) {
        this.meetings = meetings;
    }

    public void completed(String meetingId, String actionItemId, Completion completion) {
        JointMeeting meeting = meetings.find(meetingId).orElse(null);
        if (meeting == null) {
            // Follow-up only tracks items this service assigned; an unknown meeting is not ours to record.
            log.warn("Follow-up completed action item {} of meeting {}, which joint-meeting does not hold; ignored",
                actionItemId, meetingId);
            return;
        }
        if (meeting.completeActionItem(actionItemId, completion)) {
            meetings.update(meeting);
        }
    }
}
