package cn.huiyin.triage.domain;

/** Who decided a grievance's category. */
public enum CategorySource {
    /** The filer (clerk, operator or worker) chose it at intake. */
    FILER,
    /** Triage's keyword rules recognised it in the description. */
    RULES,
    /** A triage officer re-classified it (人工改派分类). */
    MANUAL
}
