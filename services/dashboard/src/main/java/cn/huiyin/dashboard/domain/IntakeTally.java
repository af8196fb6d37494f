package cn.huiyin.dashboard.domain;

import java.time.LocalDate;

/**
 * How many grievances came in on one day (Beijing time) for one category, channel and worker group. Counts only:
 * a dashboard holds no personal data.
 *
 * @param category a category code, or {@value #UNCLASSIFIED} when the filer left it to triage
 */
public record IntakeTally(LocalDate day, String category, String channel, String workerGroup, long count) {

    public static final String UNCLASSIFIED = "UNCLASSIFIED";
}
