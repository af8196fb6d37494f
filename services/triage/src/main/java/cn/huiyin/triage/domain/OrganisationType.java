package cn.huiyin.triage.domain;

/** Kinds of organisation in the registry (组织名录). */
public enum OrganisationType {
    /** 市委社会工作部 / 两新工委: the top of the city's channel; rules on disputes nobody below can settle. */
    CITY_WORK_DEPARTMENT("市委社会工作部", true),
    /** 行业党委: express delivery, online delivery, transport, e-commerce and streaming. */
    INDUSTRY_COMMITTEE("行业党委", true),
    /** 区委社会工作部: a district's party organisation. */
    DISTRICT("区委社会工作部", true),
    /** 街道党工委: a street's party working committee. */
    STREET("街道党工委", true),
    /** 社区党委: a community's party committee. */
    COMMUNITY("社区党委", true),
    /** 企业党组织: the party organisation of a platform firm or employer. */
    ENTERPRISE("企业党组织", true),
    /** 成员单位: a member department called in for joint handling (人社, 司法, 城管, ...). */
    MEMBER_DEPARTMENT("成员单位", true),
    /** 受理窗口 / 热线: takes grievances in, never handles them. */
    INTAKE_POINT("受理窗口", false);

    private final String nameZh;
    private final boolean handlesCases;

    OrganisationType(String nameZh, boolean handlesCases) {
        this.nameZh = nameZh;
        this.handlesCases = handlesCases;
    }

    public String nameZh() {
        return nameZh;
    }

    /** Whether cases may be assigned to organisations of this type. */
    public boolean handlesCases() {
        return handlesCases;
    }
}
