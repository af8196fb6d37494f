package cn.huiyin.dashboard.messaging;

import java.time.Instant;
import java.util.List;

import cn.huiyin.dashboard.messaging.Events.Org;

/** The dashboard's reading of triage's case events ({@code huiyin.triage.case.v1}). */
final class TriageEvents {

    record GrievanceTriaged(String grievanceId, Integer revision, String category, String workerGroup,
                            String divisionCode, String urgency, Instant responseDueAt, Instant resolutionDueAt) {
    }

    record GrievanceAssigned(String grievanceId, Instant assignedAt, Integer attempt, Org organisation,
                             String category, Instant responseDueAt, Instant resolutionDueAt) {
    }

    record AssignmentAccepted(String grievanceId, Instant acceptedAt) {
    }

    record AssignmentReturned(String grievanceId, Org organisation, Integer returnCount) {
    }

    record GrievanceMerged(String grievanceId, String mergedInto) {
    }

    private TriageEvents() {
    }

    static List<Translation<?>> translations() {
        return List.of(
            Translation.of("cn.huiyin.triage.GrievanceTriaged.v1", GrievanceTriaged.class, GrievanceTriaged::grievanceId,
                e -> fact -> fact.triaged(Events.orZero(e.revision()), e.category(), e.workerGroup(), e.divisionCode(),
                    e.urgency(), e.responseDueAt(), e.resolutionDueAt())),
            Translation.of("cn.huiyin.triage.GrievanceAssigned.v1", GrievanceAssigned.class,
                GrievanceAssigned::grievanceId, e -> fact -> fact.assigned(Events.orZero(e.attempt()),
                    Events.required(e.organisation(), "organisation").toFact(), e.category(),
                    Events.required(e.assignedAt(), "assignedAt"), e.responseDueAt(), e.resolutionDueAt())),
            Translation.of("cn.huiyin.triage.AssignmentAccepted.v1", AssignmentAccepted.class,
                AssignmentAccepted::grievanceId, e -> fact -> fact.accepted(Events.required(e.acceptedAt(), "acceptedAt"))),
            Translation.of("cn.huiyin.triage.AssignmentReturned.v1", AssignmentReturned.class,
                AssignmentReturned::grievanceId, e -> fact -> fact.returned(
                    Events.required(e.organisation(), "organisation").toFact().id(), Events.orZero(e.returnCount()))),
            Translation.of("cn.huiyin.triage.GrievanceMerged.v1", GrievanceMerged.class, GrievanceMerged::grievanceId,
                e -> fact -> fact.merged(Events.required(e.mergedInto(), "mergedInto"))));
    }
}
