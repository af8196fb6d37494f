package cn.huiyin.console.web.leader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chart's data as JSON for the page's data block (the page runs no inline script): one bar group per row of the
 * figure table, one series per rate, in per cent (as the dashboard answers them).
 */
@Component
class ChartData {

    static final List<String> RATES = List.of("closureRate", "responseRate", "resolutionRate", "satisfactionRate");

    private static final JsonMapper JSON = new JsonMapper();

    @SuppressWarnings("unchecked")
    String of(Map<String, Object> figures, Map<String, Map<String, Object>> definitions, boolean english) {
        List<Map<String, Object>> rows = figures.get("rows") instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        List<String> labels = new ArrayList<>();
        rows.forEach(row -> labels.add(String.valueOf(row.get("label"))));
        List<Map<String, Object>> series = new ArrayList<>();
        for (String rate : RATES) {
            List<Double> values = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                Map<String, Object> cells = (Map<String, Object>) row.getOrDefault("figures", Map.of());
                Object cell = cells.get(rate);
                Object value = cell instanceof Map<?, ?> c ? c.get("value") : null;
                values.add(value instanceof Number n ? Math.round(n.doubleValue() * 100) / 100.0 : null);
            }
            Map<String, Object> definition = definitions.getOrDefault(rate, Map.of());
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", String.valueOf(definition.getOrDefault(english ? "nameEn" : "nameZh", rate)));
            one.put("data", values);
            series.add(one);
        }
        // The block sits in a <script> element: a "</" in a label must not end it.
        return JSON.writeValueAsString(Map.of("labels", labels, "series", series)).replace("<", "\\u003c");
    }
}
