package cn.huiyin.triage.domain;

/** Why an organisation returns a case (退单理由). */
public enum ReturnReason {
    /** 非本单位职能. */
    NOT_OUR_COMPETENCE("非本单位职能", "not our competence"),
    /** 非本辖区. */
    NOT_OUR_TERRITORY("非本辖区", "not our territory"),
    /** 其他（须说明）. */
    OTHER("其他", "other");

    private final String nameZh;
    private final String nameEn;

    ReturnReason(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
