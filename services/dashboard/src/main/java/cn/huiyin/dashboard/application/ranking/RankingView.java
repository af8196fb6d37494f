package cn.huiyin.dashboard.application.ranking;

import java.time.Instant;
import java.util.List;

import cn.huiyin.dashboard.domain.ranking.Correction;
import cn.huiyin.dashboard.domain.ranking.RankingRow;
import cn.huiyin.dashboard.domain.ranking.RankingWeights;

/**
 * A month's ranking for a territory.
 *
 * @param frozen      whether the month has ended and its snapshot is what is shown
 * @param rows        the ranking, with recorded corrections applied
 * @param asFrozen    the snapshot's ranking before corrections (empty while the month runs)
 * @param corrections the corrections (核减) that apply to this territory, with who and why
 */
public record RankingView(String scope, String month, boolean frozen, Instant frozenAt, RankingWeights weights,
                          List<RankingRow> rows, List<RankingRow> asFrozen, List<Correction> corrections) {
}
