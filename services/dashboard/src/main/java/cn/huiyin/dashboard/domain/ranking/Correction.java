package cn.huiyin.dashboard.domain.ranking;

import java.time.Instant;
import java.util.Map;

/**
 * A recorded correction of a frozen month (核减): a case taken out of its unit's figures after an appeal found it
 * invalid, with who decided it and why. The snapshot itself never changes; the corrected ranking is the snapshot with
 * the corrections applied.
 *
 * @param divisionCode where the case lies, so it corrects the rankings of every territory containing it
 * @param removed      the case's counters as the dashboard knew them when the correction was recorded
 */
public record Correction(String id, String month, String grievanceId, String organisationId, String divisionCode,
                         Map<String, Long> removed, String by, String reason, Instant at) {
}
