package cn.huiyin.dashboard.domain.ranking;

import java.util.Map;

/**
 * One unit in a monthly ranking.
 *
 * @param counters the counters its rates come from (response, resolution, satisfaction, volume)
 * @param score    the weighted composite 0–100, or null if none of its rates has cases (then unranked)
 * @param rank     1 for the best, equal scores share a rank; null if unranked
 */
public record RankingRow(String organisationId, String name, Map<String, Long> counters, Double responseRate,
                         Double resolutionRate, Double satisfactionRate, Double score, Integer rank) {
}
