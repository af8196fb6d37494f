package cn.huiyin.triage.domain;

/** Whether a category follows the worker's industry or the place where it happens (行业归口 / 属地管理). */
public enum CategoryScope {
    /** Wages, insurance, contracts: the industry committee of the worker's group answers. */
    INDUSTRY,
    /** Parking, access, stations, hazards: the territorial organisation of the place answers. */
    PLACE
}
