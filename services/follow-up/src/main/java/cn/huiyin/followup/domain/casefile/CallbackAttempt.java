package cn.huiyin.followup.domain.casefile;

import java.time.Instant;

/**
 * One attempt to evaluate a round's resolution (回访): by the callback centre's call, or the worker's own rating.
 *
 * @param number 1 to 3 within the round
 */
public record CallbackAttempt(int round, int number, Instant at, String by, CallbackChannel channel,
                              CallbackOutcome outcome, Answers answers) {

    /**
     * The two questions and what the agent judged.
     *
     * @param unitResponsible whether the dissatisfaction lies with the handling organisation (归责于承办单位)
     */
    public record Answers(Solved solved, Satisfaction satisfaction, Boolean unitResponsible, String comment) {

        /** Not solved, or dissatisfied, for a reason the handling organisation is responsible for: handle again. */
        public boolean callsForReopen() {
            return (solved == Solved.NO || satisfaction == Satisfaction.DISSATISFIED) && !Boolean.FALSE.equals(unitResponsible);
        }
    }

    public boolean reached() {
        return outcome == CallbackOutcome.REACHED;
    }
}
