package cn.huiyin.jointmeeting.domain.meeting;

/** 出席 / 委托出席 / 缺席. */
public enum AttendanceStatus {
    PRESENT,
    DELEGATE,
    ABSENT
}
