package cn.huiyin.dashboard.domain.cell;

/**
 * How a cell breaks its counters down: {@link #ALL} one row for everything, {@link #ORG} a row per lead organisation,
 * {@link #DIMS} a row per worker group, category, channel, enterprise and division below the cell's own
 * ({@link Dimension}), {@link #HOT} received grievances per category × street and category × enterprise (hotspots,
 * monthly only).
 */
public enum CellGroup {
    ALL("all"), ORG("org"), DIMS("dims"), HOT("hot");

    private final String code;

    CellGroup(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
