package cn.huiyin.dashboard.messaging;

import java.time.Instant;
import java.util.List;

/** The dashboard's reading of intake's events ({@code huiyin.intake.grievance.v1}): only what it counts by. */
final class IntakeEvents {

    record Worker(String group, String platformOrEmployer) {
    }

    record Location(String divisionCode) {
    }

    record GrievanceSubmitted(String grievanceId, Instant submittedAt, String channel, String category, Worker worker,
                              Location location) {
    }

    record GrievanceWithdrawn(String grievanceId, Instant withdrawnAt) {
    }

    private IntakeEvents() {
    }

    static List<Translation<?>> translations() {
        return List.of(
            Translation.of("cn.huiyin.intake.GrievanceSubmitted.v1", GrievanceSubmitted.class,
                GrievanceSubmitted::grievanceId, e -> fact -> fact.submitted(Events.required(e.submittedAt(),
                        "submittedAt"), e.channel(), e.category(), e.worker() == null ? null : e.worker().group(),
                    e.location() == null ? null : e.location().divisionCode(),
                    e.worker() == null ? null : e.worker().platformOrEmployer())),
            Translation.of("cn.huiyin.intake.GrievanceWithdrawn.v1", GrievanceWithdrawn.class,
                GrievanceWithdrawn::grievanceId, e -> fact -> fact.withdrawn(Events.required(e.withdrawnAt(),
                    "withdrawnAt"))));
    }
}
