package cn.huiyin.followup.domain.casefile;

/** The second callback question: how satisfied is the worker? (满意 / 基本满意 / 不满意). */
public enum Satisfaction {
    SATISFIED, BASICALLY_SATISFIED, DISSATISFIED
}
