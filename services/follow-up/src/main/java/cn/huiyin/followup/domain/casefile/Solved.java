package cn.huiyin.followup.domain.casefile;

/** The first callback question: was the problem solved? (问题是否解决). */
public enum Solved {
    YES, PARTLY, NO
}
