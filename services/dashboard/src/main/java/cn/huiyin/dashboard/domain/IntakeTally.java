package cn.huiyin.dashboard.domain;

import java.time.LocalDate;

/**
 * How many grievances came in on one day (Beijing time) in one district for one category, channel and worker group.
 * Counts only: a dashboard holds no personal data, not even pseudonyms.
 *
 * @param district the district (6-digit division code) of the place, which decides whose dashboard counts it
 * @param category a category code, or {@value #UNCLASSIFIED} when the filer left it to triage
 */
public record IntakeTally(LocalDate day, String district, String category, String channel, String workerGroup,
                          long count) {

    public static final String UNCLASSIFIED = "UNCLASSIFIED";
}
