package cn.huiyin.followup.domain.casefile;

/** How the evaluation came in: the callback centre's call (回访), or the worker's own rating through the self-service. */
public enum CallbackChannel {
    PHONE, SELF_SERVICE
}
