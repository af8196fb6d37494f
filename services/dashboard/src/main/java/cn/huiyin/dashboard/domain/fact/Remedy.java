package cn.huiyin.dashboard.domain.fact;

/**
 * What the worker got (救济结果), as follow-up closed the case with it. Money in fen (分), exact.
 *
 * @param moneyFen           money recovered (wages, compensation, a claim), 0 if none
 * @param claimPaid          an insurance claim was paid
 * @param accountReinstated  a platform account was reinstated (解封)
 * @param penaltyWithdrawn   a penalty or fine was withdrawn
 * @param parkingSpacesAdded parking spaces added
 * @param workersCovered     workers the measure covers
 */
public record Remedy(long moneyFen, boolean claimPaid, boolean accountReinstated, boolean penaltyWithdrawn,
                     int parkingSpacesAdded, int workersCovered) {

    public static final Remedy NONE = new Remedy(0, false, false, false, 0, 0);
}
