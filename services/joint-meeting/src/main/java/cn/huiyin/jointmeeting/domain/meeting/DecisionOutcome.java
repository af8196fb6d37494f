package cn.huiyin.jointmeeting.domain.meeting;

/** A decision assigns action items, or decides that nothing is to be done and says why. */
public enum DecisionOutcome {
    ACTIONS,
    NO_ACTION
}
