package cn.huiyin.intake.domain;

/** The person who recorded the grievance for the worker: a clerk, an operator, a station volunteer. */
public record Recorder(String staffId, String station) {
}
