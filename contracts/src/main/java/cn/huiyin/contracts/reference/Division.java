package cn.huiyin.contracts.reference;

/** An administrative division (行政区划) of the city: city, district, street or community. */
public record Division(String code, String nameZh, String nameEn, Level level, String parent) {

    public enum Level {
        CITY,
        DISTRICT,
        STREET,
        COMMUNITY
    }

    /** Chinese name, English in brackets where known. */
    public String displayName() {
        return nameEn == null ? nameZh : nameZh + " (" + nameEn + ")";
    }
}
