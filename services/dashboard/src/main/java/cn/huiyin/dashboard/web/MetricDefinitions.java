package cn.huiyin.dashboard.web;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.huiyin.dashboard.domain.cell.Basis;
import cn.huiyin.dashboard.domain.cell.CellGroup;
import cn.huiyin.dashboard.domain.cell.Counter;
import cn.huiyin.dashboard.domain.cell.TimeHistogram;
import cn.huiyin.dashboard.domain.metric.Metric;

/** A metric's written definition as the API serves it (the same text as docs/metrics.md). */
final class MetricDefinitions {

    private MetricDefinitions() {
    }

    static Map<String, Object> of(Metric metric) {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("code", metric.code());
        definition.put("kind", metric.kind().name());
        definition.put("nameZh", metric.nameZh());
        definition.put("nameEn", metric.nameEn());
        definition.put("definitionZh", metric.definitionZh());
        definition.put("definitionEn", metric.definitionEn());
        definition.put("exclusionsZh", metric.exclusionsZh());
        definition.put("exclusionsEn", metric.exclusionsEn());
        definition.put("numerator", metric.numerator(CellGroup.ALL).name());
        Counter denominator = metric.denominator(CellGroup.ALL);
        definition.put("denominator", denominator == null ? null : denominator.name());
        definition.put("countedBy", metric.basis() == Basis.CLOSED ? "closure date (结案日期)" : "submission date (受理日期)");
        if (metric.histogram() != null) {
            definition.put("histogram", TimeHistogram.describe());
        }
        return definition;
    }
}
