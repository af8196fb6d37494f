package cn.huiyin.intake.domain;

/** Where a grievance came in (诉求渠道). */
public enum Channel {
    /** 政务服务大厅 新就业群体诉求收集窗口: a clerk types it in. */
    SERVICE_HALL_WINDOW,
    /** 12328 transport service hotline. */
    HOTLINE_12328,
    /** 12345 government service hotline. */
    HOTLINE_12345,
    /** 小程序 / App, filed by the worker (also Open311 clients). */
    MINI_PROGRAM,
    /** 暖新驿站, 骑手之家, 司机之家: staff or volunteers record it. */
    WORKER_STATION,
    /** 流动网格员 随手拍: a rider reports a hazard, usually with a photo. */
    GRID_REPORT,
    /** Forwarded by the worker's enterprise party organisation (企业党组织). */
    ENTERPRISE_PARTY_ORGANISATION,
    /** 问卷、座谈会: collected at a survey or symposium. */
    SURVEY_SYMPOSIUM,
    /** 回访发现: the callback centre heard of retaliation after a closed grievance and filed it for the worker. */
    RETALIATION_CALLBACK,
    /** 台账导入: imported from a city's earlier ledger by staff (ADR 0025), never filed through the API. */
    LEDGER_IMPORT;

    /**
     * Whether people file through it; a grievance from a callback is filed by intake itself and one from a ledger by
     * the import, never through the filing API.
     */
    public boolean isFiledByPeople() {
        return this != RETALIATION_CALLBACK && this != LEDGER_IMPORT;
    }
}
