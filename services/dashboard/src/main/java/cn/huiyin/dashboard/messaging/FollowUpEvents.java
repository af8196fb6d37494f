package cn.huiyin.dashboard.messaging;

import java.time.Instant;
import java.util.List;

import cn.huiyin.dashboard.domain.fact.Remedy;

/**
 * The dashboard's reading of follow-up's case events ({@code huiyin.followup.case.v1}): outcomes, answers and times,
 * never the worker's words or pseudonym (RetaliationChecked carries both; this record does not read them).
 */
final class FollowUpEvents {

    record Limit(String kind) {
    }

    record Stage(String stage, Integer workingMinutes) {
    }

    record Money(Long fen) {
    }

    record RemedyData(Money moneyRecovered, Boolean claimPaid, Boolean accountReinstated, Boolean penaltyWithdrawn,
                      Integer parkingSpacesAdded, Integer workersCovered) {

        Remedy toFact() {
            return new Remedy(moneyRecovered == null || moneyRecovered.fen() == null ? 0 : moneyRecovered.fen(),
                Boolean.TRUE.equals(claimPaid), Boolean.TRUE.equals(accountReinstated),
                Boolean.TRUE.equals(penaltyWithdrawn), Events.orZero(parkingSpacesAdded),
                Events.orZero(workersCovered));
        }
    }

    record FirstResponseRecorded(String grievanceId, Instant contactedAt, Boolean withinLimit, Integer workingMinutes) {
    }

    record DeadlineBreached(String grievanceId, Limit limit) {
    }

    record GrievanceResolved(String grievanceId, Integer round, String kind, Instant resolvedAt, Boolean withinLimit,
                             List<Stage> stages) {

        /** Working minutes from submission to this resolution, the pauses for the worker's material left out. */
        int workingMinutes() {
            return stages == null ? 0 : stages.stream().filter(s -> !"WAITING_FOR_WORKER".equals(s.stage()))
                .mapToInt(s -> Events.orZero(s.workingMinutes())).sum();
        }
    }

    record CallbackRecorded(String grievanceId, String outcome, String solved, String satisfaction) {
    }

    record GrievanceReopened(String grievanceId, Integer reopenCount) {
    }

    record ExtensionRequested(String grievanceId, String extensionId) {
    }

    record ExtensionDecided(String grievanceId, String extensionId, Boolean approved) {
    }

    record SupervisionEscalated(String grievanceId, String supervisionId, String card) {
    }

    record GrievanceClosed(String grievanceId, String outcome, Instant closedAt, String solved, String satisfaction,
                           RemedyData remedy) {
    }

    record RetaliationChecked(String grievanceId, Boolean reached, Boolean reported) {
    }

    private FollowUpEvents() {
    }

    static List<Translation<?>> translations() {
        return List.of(
            Translation.of(type("FirstResponseRecorded"), FirstResponseRecorded.class, FirstResponseRecorded::grievanceId,
                e -> fact -> fact.responded(Events.required(e.contactedAt(), "contactedAt"),
                    Boolean.TRUE.equals(e.withinLimit()), Events.orZero(e.workingMinutes()))),
            Translation.of(type("DeadlineBreached"), DeadlineBreached.class, DeadlineBreached::grievanceId,
                e -> fact -> fact.breached(e.limit() == null ? null : e.limit().kind())),
            Translation.of(type("GrievanceResolved"), GrievanceResolved.class, GrievanceResolved::grievanceId,
                e -> fact -> fact.resolved(Events.orZero(e.round()), e.kind(),
                    Events.required(e.resolvedAt(), "resolvedAt"), Boolean.TRUE.equals(e.withinLimit()),
                    e.workingMinutes())),
            Translation.of(type("CallbackRecorded"), CallbackRecorded.class, CallbackRecorded::grievanceId,
                e -> fact -> {
                    if ("REACHED".equals(e.outcome())) {
                        fact.calledBack(e.solved(), e.satisfaction());
                    }
                }),
            Translation.of(type("GrievanceReopened"), GrievanceReopened.class, GrievanceReopened::grievanceId,
                e -> fact -> fact.reopened(Math.max(1, Events.orZero(e.reopenCount())))),
            Translation.of(type("ExtensionRequested"), ExtensionRequested.class, ExtensionRequested::grievanceId,
                e -> fact -> fact.extensionRequested(Events.required(e.extensionId(), "extensionId"))),
            Translation.of(type("ExtensionDecided"), ExtensionDecided.class, ExtensionDecided::grievanceId,
                e -> fact -> fact.extensionDecided(Events.required(e.extensionId(), "extensionId"),
                    Boolean.TRUE.equals(e.approved()))),
            Translation.of(type("SupervisionEscalated"), SupervisionEscalated.class, SupervisionEscalated::grievanceId,
                e -> fact -> fact.supervised(Events.required(e.supervisionId(), "supervisionId"), e.card())),
            Translation.of(type("GrievanceClosed"), GrievanceClosed.class, GrievanceClosed::grievanceId,
                e -> fact -> fact.closed(Events.required(e.closedAt(), "closedAt"), e.outcome(),
                    e.remedy() == null ? null : e.remedy().toFact(), e.solved(), e.satisfaction())),
            Translation.of(type("RetaliationChecked"), RetaliationChecked.class, RetaliationChecked::grievanceId,
                e -> fact -> fact.retaliationChecked(Boolean.TRUE.equals(e.reached()),
                    Boolean.TRUE.equals(e.reported()))));
    }

    private static String type(String event) {
        return "cn.huiyin.followup." + event + ".v1";
    }
}
