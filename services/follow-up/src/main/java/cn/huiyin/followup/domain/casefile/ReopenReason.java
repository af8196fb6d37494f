package cn.huiyin.followup.domain.casefile;

/** Why a case is handled again (重办原因). */
public enum ReopenReason {
    NOT_SOLVED, DISSATISFIED
}
