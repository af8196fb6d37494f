package cn.huiyin.followup.domain.casefile;

/** How the lead organisation resolved a case (办理结果). */
public enum ResolutionKind {
    /** 已解决. */
    RESOLVED,
    /** 部分解决: an explanation says what remains. */
    PARTLY_RESOLVED,
    /** 无法解决: an explanation tells the worker why. */
    CANNOT_RESOLVE;

    public boolean needsExplanation() {
        return this != RESOLVED;
    }
}
