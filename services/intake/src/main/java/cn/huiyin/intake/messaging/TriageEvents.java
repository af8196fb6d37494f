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

    record GrievanceMerged(String grievanceId, String mergedInto, Instant mergedAt) {
    }
}
