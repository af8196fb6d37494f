package cn.huiyin.triage.application.rules;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import cn.huiyin.triage.domain.Classifier;
import cn.huiyin.triage.domain.DeadlinePolicy;
import cn.huiyin.triage.domain.Router;

/**
 * The rules in force: classification, routing and deadlines, swapped as a whole when a valid new set is loaded, so
 * that a grievance is never triaged by half of one set and half of another.
 */
public final class RuleBook {

    /**
     * One complete set of rules.
     *
     * @param fingerprint what the files' contents hash to
     * @param origins     file name → where it was read from
     */
    public record Rules(Classifier classifier, Router router, DeadlinePolicy deadlines, String fingerprint,
                        Map<String, String> origins, Instant loadedAt) {
        public Rules {
            Objects.requireNonNull(classifier, "classifier");
            Objects.requireNonNull(router, "router");
            Objects.requireNonNull(deadlines, "deadlines");
            origins = Map.copyOf(origins);
        }
    }

    private volatile Rules current;

    public Rules current() {
        Rules rules = current;
        if (rules == null) {
            throw new IllegalStateException("No rules loaded yet");
        }
        return rules;
    }

    /** The fingerprint of the rules in force, or null before any were loaded. */
    String currentOrNull() {
        Rules rules = current;
        return rules == null ? null : rules.fingerprint();
    }

    void install(Rules rules) {
        current = Objects.requireNonNull(rules, "rules");
    }
}
