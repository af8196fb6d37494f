package cn.huiyin.dashboard.application.query;

import java.util.List;

/**
 * The cases behind one figure: {@code total} equals the figure's numerator or denominator ({@code counter}).
 */
public record CaseList(String metric, String part, String counter, String scope, String period, String by, String key,
                       long total, int page, int size, List<CaseRow> cases) {
}
