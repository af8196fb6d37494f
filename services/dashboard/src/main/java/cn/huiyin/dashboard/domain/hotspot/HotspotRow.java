package cn.huiyin.dashboard.domain.hotspot;

/**
 * One category in one street or at one enterprise in a month: how many grievances came in, against the month before.
 *
 * @param changePercent null when the month before had none
 * @param growing       grew month on month twice running (three months of rising counts) and reached the minimum
 */
public record HotspotRow(String category, String place, long count, long previous, long beforePrevious, long change,
                         Double changePercent, boolean growing) {
}
