package cn.huiyin.intake.domain;

/**
 * The person who recorded the grievance for the worker: a clerk, an operator, a station volunteer.
 *
 * @param staffId the recorder's user name, from their access token
 * @param org     the recorder's organisation, from their access token
 * @param station where it was recorded, as the recorder names it (a window, a 驿站)
 */
public record Recorder(String staffId, String org, String station) {
}
