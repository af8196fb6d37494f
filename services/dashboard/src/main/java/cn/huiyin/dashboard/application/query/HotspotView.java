package cn.huiyin.dashboard.application.query;

import java.util.List;

import cn.huiyin.dashboard.domain.hotspot.HotspotRow;

/**
 * Where grievances gather in a month (热点): category × street and category × enterprise, with month-on-month change,
 * growing clusters flagged.
 *
 * @param minimum the count a cluster must reach to be flagged as growing
 */
public record HotspotView(String scope, String month, long minimum, List<Labelled> categoryByStreet,
                          List<Labelled> categoryByEnterprise) {

    /** A row with names for its category and place where the reference data has them. */
    public record Labelled(HotspotRow row, String categoryName, String placeName) {
    }
}
