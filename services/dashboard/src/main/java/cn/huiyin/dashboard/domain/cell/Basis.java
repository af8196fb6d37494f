package cn.huiyin.dashboard.domain.cell;

/** The date a counter counts a case by: its submission (受理) or its closure (结案), Beijing time. */
public enum Basis {
    SUBMITTED, CLOSED
}
