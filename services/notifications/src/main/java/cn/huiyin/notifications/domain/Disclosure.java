package cn.huiyin.notifications.domain;

/**
 * What a message may say about who handles a grievance. A worker who asked for confidentiality (保密) must not be
 * traceable through the enterprise: in such a grievance no message, to anyone, names an enterprise's organisation.
 * Messages never carry the worker's name, mobile or words, only the tracking number.
 */
public final class Disclosure {

    public static final String ENTERPRISE = "ENTERPRISE";
    static final String UNNAMED_ZH = "相关单位";

    private Disclosure() {
    }

    /**
     * @param confidential whether the grievance is confidential; null (not known yet) counts as confidential
     */
    public static String organisationName(String name, String type, Boolean confidential) {
        boolean hide = ENTERPRISE.equals(type) && (confidential == null || confidential);
        return hide || name == null || name.isBlank() ? UNNAMED_ZH : name;
    }
}
