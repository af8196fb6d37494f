package cn.huiyin.notifications.application;

import java.util.Optional;

/** Port: the grievance facts notifications keeps ({@link GrievanceFacts}). */
public interface GrievanceFactsStore {

    void recordSubmitted(String grievanceId, String workerRef, String divisionCode, boolean confidential);

    void recordUrgent(String grievanceId, boolean urgent);

    Optional<GrievanceFacts> find(String grievanceId);
}
