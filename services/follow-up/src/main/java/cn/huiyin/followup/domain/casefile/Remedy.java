package cn.huiyin.followup.domain.casefile;

import java.math.BigDecimal;

/**
 * What the worker got (救济结果), each part optional: money recovered (exact, in fen — 分), the insurance claim paid,
 * the account reinstated, the penalty withdrawn, parking spaces added, workers covered by the measure.
 */
public record Remedy(Long moneyRecoveredFen, Boolean claimPaid, Boolean accountReinstated, Boolean penaltyWithdrawn,
                     Integer parkingSpacesAdded, Integer workersCovered) {

    public static final Remedy NONE = new Remedy(null, null, null, null, null, null);

    public boolean isEmpty() {
        return moneyRecoveredFen == null && claimPaid == null && accountReinstated == null && penaltyWithdrawn == null
            && parkingSpacesAdded == null && workersCovered == null;
    }

    /** Fen as an exact decimal of yuan with two places: 350050 → {@code 3500.50}. */
    public static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
