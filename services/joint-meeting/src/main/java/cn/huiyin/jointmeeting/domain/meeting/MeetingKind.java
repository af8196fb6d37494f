package cn.huiyin.jointmeeting.domain.meeting;

/** 例会 (regular, e.g. monthly) or 专题会 (called for a matter). */
public enum MeetingKind {
    REGULAR,
    AD_HOC
}
