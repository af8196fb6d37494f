package cn.huiyin.triage.domain;

/** Where a routing rule sends the lead of a case (主办). */
public enum LeadTarget {
    /** The industry committee of the worker's group (行业党委), then the place's street, district, city. */
    INDUSTRY,
    /** The worker's enterprise party organisation if Huiyin knows it and the worker did not ask for confidentiality,
     *  then as {@link #INDUSTRY}. */
    ENTERPRISE_THEN_INDUSTRY,
    /** The street (街道) of the place, then its district, the industry committee, the city. */
    TERRITORIAL,
    /** One named organisation, then the city. */
    ORGANISATION
}
