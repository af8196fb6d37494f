package cn.huiyin.followup.application;

/**
 * A case file or action item whose next supervision step may be due, as the scan found it. The token tells the store,
 * when the scan is done, whether anyone changed the aggregate's plan in the meantime.
 */
public record DueCheck(String id, long token) {
}
