package cn.huiyin.dashboard.application.query;

import java.util.Locale;
import java.util.Optional;

import cn.huiyin.dashboard.domain.cell.CellGroup;
import cn.huiyin.dashboard.domain.cell.Dimension;
import cn.huiyin.dashboard.domain.cell.ReportingPeriod;

/**
 * What a table of figures is broken down by: nothing, organisation (rolled up along the hierarchy on request), one of
 * the {@link Dimension}s, or the days, weeks or months of the period (a trend).
 */
public record Breakdown(String name, CellGroup group, Dimension dimension, ReportingPeriod.Kind trend) {

    public static final Breakdown NONE = new Breakdown("none", CellGroup.ALL, null, null);
    public static final Breakdown ORGANISATION = new Breakdown("organisation", CellGroup.ORG, null, null);

    public static Optional<Breakdown> parse(String by) {
        if (by == null || by.isBlank() || by.equalsIgnoreCase("none")) {
            return Optional.of(NONE);
        }
        String value = by.strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "organisation", "organization", "org" -> {
                return Optional.of(ORGANISATION);
            }
            case "day", "week", "month" -> {
                return Optional.of(new Breakdown(value, CellGroup.ALL, null,
                    ReportingPeriod.Kind.valueOf(value.toUpperCase(Locale.ROOT))));
            }
            default -> {
                return Dimension.byName(value).map(d -> new Breakdown(value, CellGroup.DIMS, d, null));
            }
        }
    }

    public boolean isTrend() {
        return trend != null;
    }
}
