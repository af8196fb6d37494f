package cn.huiyin.dashboard.messaging;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import cn.huiyin.dashboard.domain.fact.CaseFact;

/** The dashboard's reading of intake's events ({@code huiyin.intake.grievance.v1}): only what it counts by. */
final class IntakeEvents {

    record Worker(String group, String platformOrEmployer) {
    }

    record Location(String divisionCode) {
    }

    /** The row of a city's earlier ledger an imported grievance came from (channel LEDGER_IMPORT). */
    record Ledger(Instant registeredAt, String status, Instant closedAt) {
    }

    record ExternalReferences(Ledger ledger) {
    }

    record GrievanceSubmitted(String grievanceId, Instant submittedAt, String channel, String category, Worker worker,
                              Location location, ExternalReferences externalReferences) {

        /** The ledger row if the ledger had closed it before the import, else null. */
        Ledger closedLedgerRow() {
            Ledger ledger = externalReferences == null ? null : externalReferences.ledger();
            return ledger != null && "CLOSED".equals(ledger.status()) ? ledger : null;
        }
    }

    record GrievanceWithdrawn(String grievanceId, Instant withdrawnAt) {
    }

    private IntakeEvents() {
    }

    /**
     * A grievance counts from its submission; a row a city's earlier ledger had closed counts from the day the ledger
     * registered it, as closed there (ADR 0025) — Huiyin saw none of its handling.
     */
    private static Consumer<CaseFact> submitted(GrievanceSubmitted e) {
        Ledger closed = e.closedLedgerRow();
        Instant counted = closed == null ? Events.required(e.submittedAt(), "submittedAt")
            : Events.required(closed.registeredAt(), "externalReferences.ledger.registeredAt");
        Instant closedInLedgerAt = closed == null ? null
            : Events.required(closed.closedAt(), "externalReferences.ledger.closedAt");
        return fact -> {
            fact.submitted(counted, e.channel(), e.category(), e.worker() == null ? null : e.worker().group(),
                e.location() == null ? null : e.location().divisionCode(),
                e.worker() == null ? null : e.worker().platformOrEmployer());
            if (closedInLedgerAt != null) {
                fact.closedInLedger(closedInLedgerAt);
            }
        };
    }

    static List<Translation<?>> translations() {
        return List.of(
            Translation.of("cn.huiyin.intake.GrievanceSubmitted.v1", GrievanceSubmitted.class,
                GrievanceSubmitted::grievanceId, IntakeEvents::submitted),
            Translation.of("cn.huiyin.intake.GrievanceWithdrawn.v1", GrievanceWithdrawn.class,
                GrievanceWithdrawn::grievanceId, e -> fact -> fact.withdrawn(Events.required(e.withdrawnAt(),
                    "withdrawnAt"))));
    }
}
