package cn.huiyin.dashboard.domain.ranking;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.huiyin.dashboard.domain.metric.Metric;

/**
 * How the monthly ranking's composite score weighs the three rates (三率). A city sets its own; the default is a
 * published county example: response 30 %, resolution 35 %, satisfaction 35 %.
 */
public record RankingWeights(double response, double resolution, double satisfaction) {

    public static final RankingWeights DEFAULT = new RankingWeights(0.30, 0.35, 0.35);

    public RankingWeights {
        if (response < 0 || resolution < 0 || satisfaction < 0 || response + resolution + satisfaction <= 0) {
            throw new IllegalArgumentException("Ranking weights must be non-negative and not all zero");
        }
    }

    public Map<Metric, Double> byMetric() {
        Map<Metric, Double> weights = new LinkedHashMap<>();
        weights.put(Metric.RESPONSE_RATE, response);
        weights.put(Metric.RESOLUTION_RATE, resolution);
        weights.put(Metric.SATISFACTION_RATE, satisfaction);
        return weights;
    }
}
