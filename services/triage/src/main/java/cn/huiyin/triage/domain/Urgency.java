package cn.huiyin.triage.domain;

/** How pressing a grievance is (紧急程度). Declared from most to least pressing. */
public enum Urgency {
    /** 紧急: danger to life or property, serious injury; the clock runs round the clock, holidays included. */
    URGENT("紧急", "urgent"),
    /** 较急: injury, many workers affected, wage arrears before the Spring Festival. */
    HIGH("较急", "high"),
    /** 一般. */
    NORMAL("一般", "normal");

    private final String nameZh;
    private final String nameEn;

    Urgency(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public boolean outranks(Urgency other) {
        return ordinal() < other.ordinal();
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
