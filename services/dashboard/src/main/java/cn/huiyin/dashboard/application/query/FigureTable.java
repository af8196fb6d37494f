package cn.huiyin.dashboard.application.query;

import java.util.List;

/**
 * Figures for a territory and period, broken down.
 *
 * @param scope     the division prefix the figures cover (the viewer's jurisdiction or a division within it)
 * @param drillDown how to list the cases behind any figure of any row: fill in metric, part and key
 */
public record FigureTable(String scope, String period, String by, boolean rollup, String generation, FigureRow total,
                          List<FigureRow> rows, String drillDown) {
}
