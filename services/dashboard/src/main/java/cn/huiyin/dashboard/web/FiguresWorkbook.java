package cn.huiyin.dashboard.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.huiyin.dashboard.application.ledger.Workbooks;
import cn.huiyin.dashboard.application.query.FigureRow;
import cn.huiyin.dashboard.application.query.FigureTable;
import cn.huiyin.dashboard.domain.metric.Metric;
import cn.huiyin.dashboard.domain.metric.MetricValue;

/**
 * A figure table as a workbook: one row per breakdown row and figure (value, numerator, denominator), and the written
 * definitions of the figures on a second sheet, so the file explains itself when it is passed on.
 */
final class FiguresWorkbook {

    static final List<String> HEADER = List.of("区划范围 scope", "期间 period", "分组 by", "行 key", "名称 label",
        "上级 parent", "指标 metric", "指标名称 name", "数值 value", "分子 numerator", "分母 denominator");
    static final List<String> DEFINITIONS = List.of("指标 metric", "类型 kind", "名称 nameZh", "name nameEn",
        "定义 definitionZh", "definition definitionEn", "不计入 exclusionsZh", "exclusions exclusionsEn",
        "分子 numerator", "分母 denominator", "计数日期 countedBy");

    private FiguresWorkbook() {
    }

    static void write(Workbooks workbooks, FigureTable table, OutputStream out) throws IOException {
        try (Workbooks.Writer workbook = workbooks.open()) {
            workbook.sheet("指标 figures", HEADER);
            rows(workbook, table, table.total());
            for (FigureRow row : table.rows()) {
                rows(workbook, table, row);
            }
            workbook.sheet("定义 definitions", DEFINITIONS);
            for (Metric metric : Metric.values()) {
                Map<String, Object> definition = MetricDefinitions.of(metric);
                List<Object> cells = new ArrayList<>();
                for (String key : List.of("code", "kind", "nameZh", "nameEn", "definitionZh", "definitionEn",
                    "exclusionsZh", "exclusionsEn", "numerator", "denominator", "countedBy")) {
                    cells.add(definition.get(key));
                }
                workbook.row(cells);
            }
            workbook.writeTo(out);
        }
    }

    private static void rows(Workbooks.Writer workbook, FigureTable table, FigureRow row) {
        for (Metric metric : Arrays.asList(Metric.values())) {
            MetricValue value = row.figures().get(metric.code());
            if (value == null) {
                continue;
            }
            workbook.row(Arrays.asList(table.scope(), table.period(), table.by(), row.key(), row.label(), row.parent(),
                metric.code(), metric.nameZh() + " " + metric.nameEn(), value.value(), value.numerator(),
                value.denominator()));
        }
    }
}
