package cn.huiyin.triage.domain;

import java.time.Instant;
import java.util.List;

/**
 * The same worker's grievances of the same category within the duplicate window (疑似重复件), for a person to merge or
 * keep. Triage never merges on its own: two grievances can look alike and still be two matters.
 *
 * @param probableDuplicateOf the earlier (or concurrent) grievances; empty when none
 * @param decision            null when there is nothing to decide
 */
public record Duplicates(List<String> probableDuplicateOf, DuplicateDecision decision, String decidedBy,
                         Instant decidedAt, String reason) {

    public static final Duplicates NONE = new Duplicates(List.of(), null, null, null, null);

    public Duplicates {
        probableDuplicateOf = probableDuplicateOf == null ? List.of() : List.copyOf(probableDuplicateOf);
    }

    public static Duplicates of(List<String> probableDuplicateOf) {
        return probableDuplicateOf.isEmpty() ? NONE
            : new Duplicates(probableDuplicateOf, DuplicateDecision.OPEN, null, null, null);
    }

    public boolean isOpen() {
        return decision == DuplicateDecision.OPEN;
    }

    Duplicates decided(DuplicateDecision how, String by, Instant at, String why) {
        return new Duplicates(probableDuplicateOf, how, by, at, why);
    }
}
