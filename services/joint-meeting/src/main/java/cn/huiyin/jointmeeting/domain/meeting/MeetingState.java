package cn.huiyin.jointmeeting.domain.meeting;

/** A meeting is prepared while SCHEDULED; once CONCLUDED its decisions are final and its items assigned. */
public enum MeetingState {
    SCHEDULED,
    CONCLUDED
}
