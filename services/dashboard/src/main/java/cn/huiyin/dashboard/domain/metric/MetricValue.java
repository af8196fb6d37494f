package cn.huiyin.dashboard.domain.metric;

/**
 * One figure: its value and what it was computed from.
 *
 * @param value       a count, a percentage (rates, 0–100, two decimals), a score (0–100), a sum, yuan, or working
 *                    hours (quantiles); null when the denominator is zero or there are no cases
 * @param numerator   the numerator's counter summed (for quantiles: the cases the histogram holds)
 * @param denominator the denominator's counter summed, or null
 */
public record MetricValue(String code, Double value, long numerator, Long denominator) {
}
