package cn.huiyin.triage.domain;

import java.util.Set;

/** The channels grievances come in by (受理渠道), as intake records them; routing rules may depend on them. */
public final class Channels {

    /** 政务服务大厅新就业群体诉求收集窗口. */
    public static final String SERVICE_HALL_WINDOW = "SERVICE_HALL_WINDOW";
    /** 12328 交通运输服务监督热线: its tickets are answered by the transport authority. */
    public static final String HOTLINE_12328 = "HOTLINE_12328";

    private static final Set<String> KNOWN = Set.of(SERVICE_HALL_WINDOW, HOTLINE_12328, "HOTLINE_12345", "MINI_PROGRAM",
        "WORKER_STATION", "GRID_REPORT", "ENTERPRISE_PARTY_ORGANISATION", "SURVEY_SYMPOSIUM");

    private Channels() {
    }

    public static boolean isKnown(String channel) {
        return channel != null && KNOWN.contains(channel);
    }
}
