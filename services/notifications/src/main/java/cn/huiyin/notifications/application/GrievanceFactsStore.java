package cn.huiyin.notifications.application;

import java.util.Optional;

/** Port: the grievance facts notifications keeps ({@link GrievanceFacts}). */
public interface GrievanceFactsStore {

    void recordSubmitted(String grievanceId, String workerRef, String divisionCode, boolean confidential);

    void recordUrgent(String grievanceId, boolean urgent);

    Optional<GrievanceFacts> find(String grievanceId);

    /** Resolved at {@code resolvedAt}: the callback centre calls the worker back by {@code callbackDueAt}. */
    void recordCallbackDue(String grievanceId, java.time.Instant resolvedAt, java.time.Instant callbackDueAt);

    /** Closed or reopened at {@code at}: the callback of any resolution before that is settled. */
    void recordCallbackSettled(String grievanceId, java.time.Instant at);

    /** Grievances whose callback is due by {@code end} and not settled (overdue ones included), soonest first. */
    java.util.List<String> callbacksDueBy(java.time.Instant end);
}
