package cn.huiyin.intake.application.selfservice;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Counts self-service attempts per key (a tracking number, a client) where every intake instance sees them, so a
 * limit holds across replicas. An attempt is counted before the secret is checked, so however many requests run at
 * once, no more than the limit are ever checked; a successful one is then taken back.
 *
 * <p>A key that uses up its failures is locked; each further lock-out of the same key lasts twice as long as the one
 * before (up to a maximum), and after a lock the key may fail its limit again. A success ends the escalation.
 */
public interface SelfServiceAttempts {

    /** A key and the failures it may have before it is locked. */
    record Key(String id, int limit) {
    }

    /**
     * Counts an attempt against every key.
     *
     * @return the full length of the lock that refuses this attempt, if one of the keys is locked (or now becomes
     *         locked because the attempt exceeds its limit) — the same for every attempt during that lock
     */
    Optional<Duration> begin(List<Key> keys, Instant now);

    /** The attempt failed: a key that has used up its limit is locked. */
    void failed(List<Key> keys, Instant now);

    /** The attempt succeeded: it does not count, and the key's escalation starts afresh. */
    void succeeded(List<Key> keys, Instant now);

    /** Forgets counts and locks with nothing new for the configured time before {@code before}; returns how many. */
    long forgetBefore(Instant before);
}
