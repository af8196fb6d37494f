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
    /** 物业服务企业: the property manager of a mall, an office building or a residential compound. */
    PROPERTY_MANAGER("物业服务企业", true),
    /** 商场、园区运营方: the operator of a mall, a market, a logistics or industrial park. */
    PLACE_OPERATOR("商场、园区运营方", true),
    /** 服务区运营方: the operator of highway service areas (drivers' canteens, parking, 司机之家). */
    SERVICE_AREA_OPERATOR("服务区运营方", true),
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

    /**
     * Whether it is a party from outside government (企业方): a platform firm's party organisation, or the property
     * manager or operator of a place. Such parties are never involved in the case of a worker who asked for
     * confidentiality.
     */
    public boolean isEnterpriseParty() {
        return this == ENTERPRISE || managesPlaces();
    }

    /** Whether it answers for named places (a mall, a park, a service area) rather than for workers. */
    public boolean managesPlaces() {
        return this == PROPERTY_MANAGER || this == PLACE_OPERATOR || this == SERVICE_AREA_OPERATOR;
    }

    /** Whether cases may be assigned to organisations of this type. */
    public boolean handlesCases() {
        return handlesCases;
    }
}
