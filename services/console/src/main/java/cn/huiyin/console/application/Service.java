package cn.huiyin.console.application;

/** The services the console calls, each with the page part that degrades when it is down. */
public enum Service {
    INTAKE("问题收集", "Intake"),
    TRIAGE("分拨", "Triage"),
    JOINT_MEETING("联席会商", "Joint meeting"),
    FOLLOW_UP("跟踪督办", "Follow-up"),
    DASHBOARD("看板", "Dashboard"),
    NOTIFICATIONS("消息", "Notifications");

    private final String nameZh;
    private final String nameEn;

    Service(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
