package cn.huiyin.intake.messaging;

import java.time.Instant;
import java.util.List;

/**
 * Intake's reading of triage's events (contracts/events/triage): only what the worker and intake's access rules need.
 */
final class TriageEvents {

    private TriageEvents() {
    }

    record Organisation(String id, String name, String type) {
    }

    record GrievanceAssigned(String grievanceId, Instant assignedAt, Organisation organisation,
                             List<Organisation> coHandlers) {
    }

    record AssignmentAccepted(String grievanceId, Instant acceptedAt, Organisation organisation) {
    }

    /** @param outcome RE_ROUTED or REFERRED_FOR_RULING */
    record AssignmentReturned(String grievanceId, Instant returnedAt, Organisation organisation, String outcome) {
    }

    record GrievanceMerged(String grievanceId, String mergedInto, Instant mergedAt) {
    }
}
