package cn.huiyin.followup.domain.casefile;

/**
 * What an answered callback decides: close with an outcome, reopen (重办), or — reopened twice already — close and
 * escalate instead of looping.
 */
record CallbackVerdict(Kind kind, ClosureOutcome outcome, ReopenReason reason) {

    /** Reopens after which a still-dissatisfied worker's case is escalated, not reopened. */
    static final int MAX_REOPENS = 2;

    enum Kind { CLOSE, REOPEN, CLOSE_AND_ESCALATE }

    static CallbackVerdict of(CallbackAttempt.Answers answers, ResolutionKind resolution, int reopens) {
        if (answers.callsForReopen()) {
            ReopenReason reason = answers.solved() == Solved.NO ? ReopenReason.NOT_SOLVED : ReopenReason.DISSATISFIED;
            if (reopens < MAX_REOPENS) {
                return new CallbackVerdict(Kind.REOPEN, null, reason);
            }
            return new CallbackVerdict(Kind.CLOSE_AND_ESCALATE, answers.solved() == Solved.NO
                ? ClosureOutcome.UNRESOLVED_WITH_EXPLANATION : ClosureOutcome.RESOLVED_BUT_DISSATISFIED, reason);
        }
        if (resolution == ResolutionKind.CANNOT_RESOLVE || answers.solved() == Solved.NO) {
            return new CallbackVerdict(Kind.CLOSE, ClosureOutcome.UNRESOLVED_WITH_EXPLANATION, null);
        }
        if (answers.satisfaction() == Satisfaction.DISSATISFIED) {
            return new CallbackVerdict(Kind.CLOSE, ClosureOutcome.RESOLVED_BUT_DISSATISFIED, null);
        }
        return new CallbackVerdict(Kind.CLOSE, ClosureOutcome.RESOLVED_AND_SATISFIED, null);
    }
}
