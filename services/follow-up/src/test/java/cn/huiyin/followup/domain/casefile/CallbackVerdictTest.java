package cn.huiyin.followup.domain.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an answered callback decides: the outcomes kept apart, reopens for the unit's failings, never a third. */
class CallbackVerdictTest {

    @Test
    void solvedAndSatisfiedOrBasicallySatisfiedClosesResolvedAndSatisfied() {
        assertThat(verdict(Solved.YES, Satisfaction.SATISFIED, null, ResolutionKind.RESOLVED, 0).outcome())
            .isEqualTo(ClosureOutcome.RESOLVED_AND_SATISFIED);
        assertThat(verdict(Solved.PARTLY, Satisfaction.BASICALLY_SATISFIED, null, ResolutionKind.PARTLY_RESOLVED, 0)
            .outcome()).isEqualTo(ClosureOutcome.RESOLVED_AND_SATISFIED);
    }

    @Test
    void dissatisfactionTheUnitIsNotResponsibleForIsKeptApartFromSatisfaction() {
        CallbackVerdict verdict = verdict(Solved.YES, Satisfaction.DISSATISFIED, false, ResolutionKind.RESOLVED, 0);

        assertThat(verdict.kind()).isEqualTo(CallbackVerdict.Kind.CLOSE);
        assertThat(verdict.outcome()).isEqualTo(ClosureOutcome.RESOLVED_BUT_DISSATISFIED);
    }

    @Test
    void aCaseThatCannotBeResolvedClosesUnresolvedWithItsExplanation() {
        assertThat(verdict(Solved.NO, Satisfaction.BASICALLY_SATISFIED, false, ResolutionKind.CANNOT_RESOLVE, 0)
            .outcome()).isEqualTo(ClosureOutcome.UNRESOLVED_WITH_EXPLANATION);
    }

    @Test
    void theUnitsFailingReopensTwiceAndThenEscalatesInsteadOfLooping() {
        assertThat(verdict(Solved.NO, Satisfaction.DISSATISFIED, true, ResolutionKind.RESOLVED, 0))
            .isEqualTo(new CallbackVerdict(CallbackVerdict.Kind.REOPEN, null, ReopenReason.NOT_SOLVED));
        assertThat(verdict(Solved.YES, Satisfaction.DISSATISFIED, null, ResolutionKind.RESOLVED, 1))
            .isEqualTo(new CallbackVerdict(CallbackVerdict.Kind.REOPEN, null, ReopenReason.DISSATISFIED));
        assertThat(verdict(Solved.YES, Satisfaction.DISSATISFIED, true, ResolutionKind.RESOLVED, 2)).isEqualTo(
            new CallbackVerdict(CallbackVerdict.Kind.CLOSE_AND_ESCALATE, ClosureOutcome.RESOLVED_BUT_DISSATISFIED,
                ReopenReason.DISSATISFIED));
    }

    private static CallbackVerdict verdict(Solved solved, Satisfaction satisfaction, Boolean unitResponsible,
                                           ResolutionKind kind, int reopens) {
        return CallbackVerdict.of(new CallbackAttempt.Answers(solved, satisfaction, unitResponsible, null), kind, reopens);
    }
}
