package cn.huiyin.dashboard.domain.cell;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import cn.huiyin.dashboard.domain.fact.CaseFact;
import cn.huiyin.dashboard.domain.fact.Remedy;

/**
 * What the cells count, each a number one case contributes: 1 or 0 for a case count ({@link Kind#CASES}), an amount
 * for a sum ({@link Kind#SUM}). Every metric's numerator and denominator is one of these, so the cases behind a figure
 * are exactly the cases whose contribution has that counter (see {@code docs/metrics.md}).
 *
 * <p>"Valid" means not withdrawn, not merged and not closed in a city's earlier ledger before it was imported: such
 * cases are counted as received and left out of every rate.
 */
public enum Counter {

    RECEIVED("rcv", Basis.SUBMITTED, f -> true),
    WITHDRAWN("wdr", Basis.SUBMITTED, f -> f.withdrawnAt() != null || "WITHDRAWN".equals(f.outcome())),
    MERGED("mrg", Basis.SUBMITTED, f -> f.mergedInto() != null || "MERGED".equals(f.outcome())),
    /** Imported from a city's earlier ledger that had closed it (台账已办结): received, left out of every rate. */
    CLOSED_IN_LEDGER("ldgC", Basis.SUBMITTED, f -> f.closedInLedgerAt() != null),
    VALID("val", Basis.SUBMITTED, f -> !f.isExcluded()),
    OPEN("opn", Basis.SUBMITTED, f -> !f.isExcluded() && !f.isClosed()),
    ASSIGNED("asg", Basis.SUBMITTED, f -> !f.isExcluded() && f.lead() != null),
    RETURNED("retd", Basis.SUBMITTED, f -> !f.isExcluded() && f.returnCount() > 0),
    RESPONDED("rspd", Basis.SUBMITTED, f -> !f.isExcluded() && f.hasResponded()),
    RESPONSE_DUE("rspDue", Basis.SUBMITTED, f -> !f.isExcluded() && (f.hasResponded() || f.responseBreached())),
    RESPONDED_ON_TIME("rspOk", Basis.SUBMITTED,
        f -> !f.isExcluded() && f.hasResponded() && Boolean.TRUE.equals(f.respondedWithinLimit())),
    RESOLVED("rsv", Basis.SUBMITTED, f -> !f.isExcluded() && f.isResolved()),
    RESOLVED_FULLY("kR", Basis.SUBMITTED, f -> !f.isExcluded() && "RESOLVED".equals(f.resolutionKind())),
    RESOLVED_PARTLY("kP", Basis.SUBMITTED, f -> !f.isExcluded() && "PARTLY_RESOLVED".equals(f.resolutionKind())),
    CANNOT_RESOLVE("kC", Basis.SUBMITTED, f -> !f.isExcluded() && "CANNOT_RESOLVE".equals(f.resolutionKind())),
    CLOSED("cls", Basis.SUBMITTED, CaseFact::isClosed),
    CLOSURE_DUE("clsDue", Basis.SUBMITTED, f -> !f.isExcluded() && (f.isClosed() || f.isOverdue())),
    CLOSED_ON_TIME("clsOk", Basis.SUBMITTED, f -> f.isClosed() && !f.isOverdue()),
    OPEN_OVERDUE("ovd", Basis.SUBMITTED, f -> !f.isExcluded() && !f.isClosed() && f.isOverdue()),
    RESOLVED_AND_SATISFIED("oRS", Basis.SUBMITTED, f -> f.isClosed() && "RESOLVED_AND_SATISFIED".equals(f.outcome())),
    RESOLVED_BUT_DISSATISFIED("oRD", Basis.SUBMITTED,
        f -> f.isClosed() && "RESOLVED_BUT_DISSATISFIED".equals(f.outcome())),
    UNRESOLVED_WITH_EXPLANATION("oUE", Basis.SUBMITTED,
        f -> f.isClosed() && "UNRESOLVED_WITH_EXPLANATION".equals(f.outcome())),
    UNREACHABLE("oUR", Basis.SUBMITTED, f -> f.isClosed() && "UNREACHABLE".equals(f.outcome())),
    ANSWERED("ans", Basis.SUBMITTED, f -> !f.isExcluded() && f.solved() != null),
    SOLVED("slvY", Basis.SUBMITTED, f -> !f.isExcluded() && "YES".equals(f.solved())),
    PARTLY_SOLVED("slvP", Basis.SUBMITTED, f -> !f.isExcluded() && "PARTLY".equals(f.solved())),
    NOT_SOLVED("slvN", Basis.SUBMITTED, f -> !f.isExcluded() && "NO".equals(f.solved())),
    RATED("rated", Basis.SUBMITTED, f -> !f.isExcluded() && f.satisfaction() != null),
    SATISFIED("satS", Basis.SUBMITTED, f -> !f.isExcluded() && "SATISFIED".equals(f.satisfaction())),
    BASICALLY_SATISFIED("satB", Basis.SUBMITTED,
        f -> !f.isExcluded() && "BASICALLY_SATISFIED".equals(f.satisfaction())),
    DISSATISFIED("satD", Basis.SUBMITTED, f -> !f.isExcluded() && "DISSATISFIED".equals(f.satisfaction())),
    SATISFIED_OR_BASICALLY("satOk", Basis.SUBMITTED, f -> !f.isExcluded()
        && ("SATISFIED".equals(f.satisfaction()) || "BASICALLY_SATISFIED".equals(f.satisfaction()))),
    /** Satisfaction weighted 1.0 / 0.8 / 0, in tenths (10, 8, 0) so the sum stays an exact integer. */
    SATISFACTION_POINTS("satW", Basis.SUBMITTED, Kind.SUM, f -> f.isExcluded() || f.satisfaction() == null ? 0
        : switch (f.satisfaction()) {
            case "SATISFIED" -> 10;
            case "BASICALLY_SATISFIED" -> 8;
            default -> 0;
        }),
    REOPENED("rop", Basis.SUBMITTED, f -> !f.isExcluded() && f.reopenCount() > 0),
    EXTENDED("ext", Basis.SUBMITTED, f -> !f.isExcluded() && f.extensionsApproved() > 0),
    SUPERVISED("sup", Basis.SUBMITTED, f -> !f.isExcluded() && f.supervisions() > 0),
    YELLOW_CARD("yc", Basis.SUBMITTED, f -> !f.isExcluded() && f.yellowCards() > 0),
    RED_CARD("rc", Basis.SUBMITTED, f -> !f.isExcluded() && f.redCards() > 0),
    JOINTLY_REVIEWED("jr", Basis.SUBMITTED, f -> !f.isExcluded() && (f.meetings() > 0 || f.actionItems() > 0)),
    /** Counted under each organisation the case was ever assigned to (organisation breakdown only). */
    ASSIGNED_TO("asgTo", Basis.SUBMITTED, f -> false),
    /** Counted under each organisation that returned the case (退单, organisation breakdown only). */
    RETURNED_BY("retBy", Basis.SUBMITTED, f -> false),

    CLOSED_IN_PERIOD("cCls", Basis.CLOSED, CaseFact::isClosed),
    MONEY_RECOVERED_CASES("cMny", Basis.CLOSED, f -> f.isClosed() && remedy(f).moneyFen() > 0),
    MONEY_RECOVERED_FEN("cFen", Basis.CLOSED, Kind.SUM, f -> f.isClosed() ? remedy(f).moneyFen() : 0),
    CLAIMS_PAID("cClaim", Basis.CLOSED, f -> f.isClosed() && remedy(f).claimPaid()),
    ACCOUNTS_REINSTATED("cReinst", Basis.CLOSED, f -> f.isClosed() && remedy(f).accountReinstated()),
    PENALTIES_WITHDRAWN("cPen", Basis.CLOSED, f -> f.isClosed() && remedy(f).penaltyWithdrawn()),
    PARKING_SPACES("cPark", Basis.CLOSED, Kind.SUM, f -> f.isClosed() ? remedy(f).parkingSpacesAdded() : 0),
    WORKERS_COVERED_CASES("cCov", Basis.CLOSED, f -> f.isClosed() && remedy(f).workersCovered() > 0),
    WORKERS_COVERED("cWcov", Basis.CLOSED, Kind.SUM, f -> f.isClosed() ? remedy(f).workersCovered() : 0),
    RETALIATION_CHECKED("cRtlC", Basis.CLOSED, f -> Boolean.TRUE.equals(f.retaliationReached())),
    RETALIATION_REPORTED("cRtlR", Basis.CLOSED, f -> Boolean.TRUE.equals(f.retaliationReached())
        && f.retaliationReported());

    /** A count of cases (each contributes 0 or 1) or a sum of amounts. */
    public enum Kind { CASES, SUM }

    private static final Map<String, Counter> BY_CODE = Arrays.stream(values())
        .collect(Collectors.toMap(Counter::code, Function.identity()));

    private final String code;
    private final Basis basis;
    private final Kind kind;
    private final ToLongFunction<CaseFact> value;

    Counter(String code, Basis basis, Predicate<CaseFact> counts) {
        this(code, basis, Kind.CASES, f -> counts.test(f) ? 1 : 0);
    }

    Counter(String code, Basis basis, Kind kind, ToLongFunction<CaseFact> value) {
        this.code = code;
        this.basis = basis;
        this.kind = kind;
        this.value = value;
    }

    /** The short name the cells store it under. */
    public String code() {
        return code;
    }

    public Basis basis() {
        return basis;
    }

    public Kind kind() {
        return kind;
    }

    /** What {@code fact} contributes to this counter. */
    public long of(CaseFact fact) {
        return value.applyAsLong(fact);
    }

    /**
     * For the two counters kept per organisation involved rather than per lead ({@link #ASSIGNED_TO},
     * {@link #RETURNED_BY}): the organisations the case counts 1 under; empty for every other counter.
     */
    public java.util.Set<String> organisations(CaseFact fact) {
        if (fact.isExcluded()) {
            return java.util.Set.of();
        }
        return switch (this) {
            case ASSIGNED_TO -> fact.assignedTo();
            case RETURNED_BY -> fact.returnedBy();
            default -> java.util.Set.of();
        };
    }

    public boolean perOrganisation() {
        return this == ASSIGNED_TO || this == RETURNED_BY;
    }

    public static Optional<Counter> byCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    private static Remedy remedy(CaseFact fact) {
        return fact.remedy() == null ? Remedy.NONE : fact.remedy();
    }
}
