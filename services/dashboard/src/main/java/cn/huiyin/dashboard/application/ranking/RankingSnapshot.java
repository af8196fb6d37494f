package cn.huiyin.dashboard.application.ranking;

import java.time.Instant;
import java.util.Map;

import cn.huiyin.dashboard.domain.ranking.RankingWeights;

/**
 * A month's ranking of one territory as it stood when the month ended: each unit's counters, the names and the
 * weights in force. Never changed afterwards.
 */
public record RankingSnapshot(String scope, String month, Instant frozenAt, String generation, RankingWeights weights,
                              Map<String, Map<String, Long>> counters, Map<String, String> names) {
}
