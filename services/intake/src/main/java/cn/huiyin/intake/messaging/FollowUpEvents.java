package cn.huiyin.intake.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Intake's reading of follow-up's events (contracts/events/follow-up): only what the worker is told. The events the
 * worker hears of share one shape here; each fills the instant and the details it has.
 */
final class FollowUpEvents {

    private FollowUpEvents() {
    }

    record Organisation(String id, String name, String type) {
    }

    record Money(BigDecimal yuan) {
    }

    record Remedy(Money moneyRecovered, Boolean claimPaid, Boolean accountReinstated, Boolean penaltyWithdrawn) {
    }

    /** FirstResponseRecorded, ProgressRecorded, MaterialRequested, GrievanceResolved, CallbackRecorded, GrievanceReopened, GrievanceClosed, ExtensionDecided. */
    record StageReached(String grievanceId, Organisation organisation, Instant contactedAt, Instant recordedAt,
                        Instant requestedAt, Instant resolvedAt, Instant reopenedAt, Instant closedAt, Instant decidedAt,
                        String materials, Instant resolutionDueAt, String kind, String explanation, String outcome,
                        Remedy remedy, Boolean approved) {

        Instant at() {
            for (Instant at : new Instant[] {contactedAt, requestedAt, resolvedAt, reopenedAt, closedAt, decidedAt,
                recordedAt}) {
                if (at != null) {
                    return at;
                }
            }
            return null;
        }

        /** What the worker is told, as history parameters. */
        Map<String, String> told() {
            Map<String, String> told = new LinkedHashMap<>();
            if (organisation != null && organisation.name() != null) {
                told.put("org", organisation.name());
            }
            put(told, "due", resolutionDueAt == null ? null : resolutionDueAt.toString());
            put(told, "materials", materials);
            put(told, "kind", kind);
            put(told, "explanation", explanation);
            put(told, "outcome", outcome);
            if (remedy != null) {
                put(told, "moneyRecoveredYuan", remedy.moneyRecovered() == null || remedy.moneyRecovered().yuan() == null
                    ? null : remedy.moneyRecovered().yuan().toPlainString());
                put(told, "claimPaid", remedy.claimPaid() == null ? null : remedy.claimPaid().toString());
                put(told, "accountReinstated", remedy.accountReinstated() == null ? null
                    : remedy.accountReinstated().toString());
                put(told, "penaltyWithdrawn", remedy.penaltyWithdrawn() == null ? null
                    : remedy.penaltyWithdrawn().toString());
            }
            return told;
        }

        private static void put(Map<String, String> map, String key, String value) {
            if (value != null && !value.isBlank()) {
                map.put(key, value);
            }
        }
    }

    record RetaliationChecked(String grievanceId, Instant checkedAt, boolean reported, List<String> kinds,
                              String account, boolean confidential) {
    }
}
