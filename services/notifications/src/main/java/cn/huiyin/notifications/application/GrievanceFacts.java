package cn.huiyin.notifications.application;

/**
 * What notifications keeps of a grievance from the other services' events: the worker's pseudonym, the place (for staff's jurisdiction) and whether it is confidential (intake) and
 * urgent (triage). A pure upsert per event, safe to repeat.
 */
public record GrievanceFacts(String grievanceId, String workerRef, String divisionCode, Boolean confidential,
                             Boolean urgent) {
}
