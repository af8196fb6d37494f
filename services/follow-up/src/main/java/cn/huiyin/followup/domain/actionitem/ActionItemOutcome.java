package cn.huiyin.followup.domain.actionitem;

/** How an action item ended: done (办结), or explained why it cannot be done as decided (说明). */
public enum ActionItemOutcome {
    DONE, EXPLAINED
}
