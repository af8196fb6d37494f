package cn.huiyin.followup.domain.casefile;

/** What the worker reports having met after the grievance (打击报复的形式). */
public enum RetaliationKind {
    DEACTIVATION, FEWER_ORDERS, NEW_PENALTIES, OTHER
}
