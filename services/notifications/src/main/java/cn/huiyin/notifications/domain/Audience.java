package cn.huiyin.notifications.domain;

/** Who a message is for: the worker who filed (职工), or staff of an organisation (工作人员). */
public enum Audience {
    WORKER,
    STAFF
}
