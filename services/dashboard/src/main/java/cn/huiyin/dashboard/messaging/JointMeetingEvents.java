package cn.huiyin.dashboard.messaging;

import java.util.List;

/** The dashboard's reading of joint-meeting's events ({@code huiyin.jointmeeting.meeting.v1}). */
final class JointMeetingEvents {

    record Decision(List<String> grievanceIds) {
    }

    record MeetingConcluded(String meetingId, List<Decision> decisions) {

        List<String> grievanceIds() {
            return decisions == null ? List.of() : decisions.stream()
                .flatMap(d -> d.grievanceIds() == null ? java.util.stream.Stream.empty() : d.grievanceIds().stream())
                .toList();
        }
    }

    record ActionItemAssigned(String actionItemId, List<String> grievanceIds) {
    }

    private JointMeetingEvents() {
    }

    static List<Translation<?>> translations() {
        return List.of(
            Translation.ofMany("cn.huiyin.jointmeeting.MeetingConcluded.v1", MeetingConcluded.class,
                MeetingConcluded::grievanceIds,
                e -> fact -> fact.jointlyReviewed(Events.required(e.meetingId(), "meetingId"))),
            Translation.ofMany("cn.huiyin.jointmeeting.ActionItemAssigned.v1", ActionItemAssigned.class,
                ActionItemAssigned::grievanceIds,
                e -> fact -> fact.actionItemAssigned(Events.required(e.actionItemId(), "actionItemId"))));
    }
}
