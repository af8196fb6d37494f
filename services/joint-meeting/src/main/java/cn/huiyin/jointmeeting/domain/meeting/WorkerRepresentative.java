package cn.huiyin.jointmeeting.domain.meeting;

/**
 * Workers invited to the table, by role and never by name (骑手代表, 货车司机代表): no worker's personal data is kept.
 *
 * @param workerGroup optional, e.g. FOOD_DELIVERY_RIDER
 */
public record WorkerRepresentative(String label, String workerGroup, int count) {
}
