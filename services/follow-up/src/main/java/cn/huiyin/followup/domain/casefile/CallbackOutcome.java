package cn.huiyin.followup.domain.casefile;

/** What came of one attempt to reach the worker. */
public enum CallbackOutcome {
    REACHED, NO_ANSWER, REFUSED
}
