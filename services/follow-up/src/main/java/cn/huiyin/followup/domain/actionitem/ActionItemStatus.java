package cn.huiyin.followup.domain.actionitem;

/** Where an action item stands. */
public enum ActionItemStatus {
    /** Assigned by the joint meeting, not finished. */
    OPEN,
    /** Done or explained. */
    COMPLETED
}
