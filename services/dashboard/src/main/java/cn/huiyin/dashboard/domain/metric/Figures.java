package cn.huiyin.dashboard.domain.metric;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.huiyin.dashboard.domain.cell.CellGroup;
import cn.huiyin.dashboard.domain.cell.Counter;

/** Every {@link Metric} computed from the counters of one row (summed over the cells of a period). */
public final class Figures {

    private Figures() {
    }

    public static Map<String, MetricValue> of(Map<String, Long> counters, CellGroup group) {
        Map<String, MetricValue> figures = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            figures.put(metric.code(), of(metric, counters, group));
        }
        return figures;
    }

    public static MetricValue of(Metric metric, Map<String, Long> counters, CellGroup group) {
        long numerator = get(counters, metric.numerator(group));
        Counter denominatorCounter = metric.denominator(group);
        Long denominator = denominatorCounter == null ? null : get(counters, denominatorCounter);
        Double value = switch (metric.kind()) {
            case COUNT, SUM -> (double) numerator;
            case MONEY -> numerator / 100.0;
            case RATE -> denominator == 0 ? null : round(100.0 * numerator / denominator);
            case SCORE -> denominator == 0 ? null : round(10.0 * numerator / denominator);
            case QUANTILE -> metric.histogram().quantile(counters, metric.quantile());
        };
        return new MetricValue(metric.code(), value, numerator, denominator);
    }

    /** A composite of rates with weights (the monthly ranking); a rate without cases is left out and the rest rescaled. */
    public static Double weighted(Map<Metric, Double> weights, Map<String, Long> counters, CellGroup group) {
        double sum = 0;
        double weight = 0;
        for (Map.Entry<Metric, Double> entry : weights.entrySet()) {
            MetricValue value = of(entry.getKey(), counters, group);
            if (value.value() != null) {
                sum += entry.getValue() * value.value();
                weight += entry.getValue();
            }
        }
        return weight == 0 ? null : round(sum / weight);
    }

    private static long get(Map<String, Long> counters, Counter counter) {
        return counters.getOrDefault(counter.code(), 0L);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
