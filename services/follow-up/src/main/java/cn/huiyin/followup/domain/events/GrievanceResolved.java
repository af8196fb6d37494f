package cn.huiyin.followup.domain.events;

import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.followup.domain.casefile.Remedy;
import cn.huiyin.followup.domain.casefile.ResolutionKind;
import cn.huiyin.followup.domain.clock.StageSpan;

/**
 * 办结: the lead organisation resolved the case — resolved, partly resolved, or cannot be resolved with the
 * explanation the worker is given — and the remedy obtained. The callback centre calls the worker back by
 * {@code callbackDueAt}. Published as {@code cn.huiyin.followup.GrievanceResolved.v1}.
 *
 * @param round  1 for the first resolution, 2 and 3 after reopens
 * @param stages every stage so far with its duration
 */
public record GrievanceResolved(String grievanceId, int round, OrganisationRef organisation, ResolutionKind kind,
                                String explanation, RemedyData remedy, Instant resolvedAt, Instant resolutionDueAt,
                                boolean withinLimit, Instant callbackDueAt, List<StageSpan> stages, String stage) {

    /** The remedy as events carry it: money both as an exact decimal of yuan and in fen. */
    public record RemedyData(Money moneyRecovered, Boolean claimPaid, Boolean accountReinstated,
                             Boolean penaltyWithdrawn, Integer parkingSpacesAdded, Integer workersCovered) {

        public static RemedyData of(Remedy remedy) {
            if (remedy == null || remedy.isEmpty()) {
                return null;
            }
            return new RemedyData(remedy.moneyRecoveredFen() == null ? null
                : new Money(Remedy.yuan(remedy.moneyRecoveredFen()), remedy.moneyRecoveredFen()),
                remedy.claimPaid(), remedy.accountReinstated(), remedy.penaltyWithdrawn(),
                remedy.parkingSpacesAdded(), remedy.workersCovered());
        }
    }

    /** @param yuan exact decimal with two places, e.g. {@code "3500.00"} */
    public record Money(String yuan, long fen) {
    }
}
