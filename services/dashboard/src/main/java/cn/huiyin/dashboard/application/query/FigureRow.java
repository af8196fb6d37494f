package cn.huiyin.dashboard.application.query;

import java.util.Map;

import cn.huiyin.dashboard.domain.metric.MetricValue;

/**
 * One row of figures.
 *
 * @param key    what the row is (an organisation id, a worker group, a division code, a period…); {@code *} for the total
 * @param label  a name for people where the dashboard knows one (organisation, category, division), else null
 * @param parent for organisations rolled up: the organisation above, so the rows form a tree
 */
public record FigureRow(String key, String label, String parent, Map<String, MetricValue> figures) {
}
