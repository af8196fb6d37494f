package cn.huiyin.followup.domain.casefile;

import java.time.Instant;
import java.util.List;

/**
 * 打击报复回访, 30 days after closure: the attempts to reach the worker, and what the worker said.
 *
 * @param reported null until the check ends; then whether the worker met retaliation
 */
public record RetaliationCheck(Instant dueAt, List<Attempt> attempts, Instant checkedAt, Boolean reached,
                               Boolean reported, List<RetaliationKind> kinds, String account) {

    /** One call: reached or not, and what the worker said. */
    public record Attempt(Instant at, String by, CallbackOutcome outcome) {
    }

    public RetaliationCheck {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }

    public static RetaliationCheck dueAt(Instant dueAt) {
        return new RetaliationCheck(dueAt, List.of(), null, null, null, List.of(), null);
    }

    public boolean isPending() {
        return checkedAt == null;
    }
}
