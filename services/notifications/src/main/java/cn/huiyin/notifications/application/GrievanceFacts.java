package cn.huiyin.notifications.application;

/**
 * What notifications keeps of a grievance from the other services' events: the worker's pseudonym and whether it is confidential (intake) and
 * urgent (triage). A pure upsert per event, safe to repeat.
 */
public record GrievanceFacts(String grievanceId, String workerRef, Boolean confidential, Boolean urgent) {
}
