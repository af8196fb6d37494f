package cn.huiyin.dashboard.application.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The generation live events go to and queries read, re-read at most every {@link #MAX_AGE} (every event would
 * otherwise read the state document). A rebuild waits longer than that after starting the hand-over before it fixes
 * where its replay ends, so no consumer still writes to the old generation past that point.
 */
public class LiveGeneration {

    public static final Duration MAX_AGE = Duration.ofMillis(500);
    /** Longer than a rebuild's own hand-over limit, so only a rebuild that died is outlived. */
    static final Duration HOLD_LIMIT = Duration.ofMinutes(3);

    private final ProjectionState state;
    private final Clock monotonic;
    private volatile Cached cached;

    private record Cached(ProjectionState.Generations generations, Instant readAt) {
    }

    public LiveGeneration(ProjectionState state) {
        this(state, Clock.systemUTC());
    }

    LiveGeneration(ProjectionState state, Clock monotonic) {
        this.state = state;
        this.monotonic = monotonic;
    }

    public ProjectionState.Generations read() {
        Cached current = cached;
        Instant now = monotonic.instant();
        if (current == null || current.readAt().plus(MAX_AGE).isBefore(now) || now.isBefore(current.readAt())) {
            current = new Cached(state.read(), now);
            cached = current;
        }
        return current.generations();
    }

    /**
     * The generation an event goes to. During a hand-over the event waits here (its consumer thread blocks, keeping
     * its partition's order) until the rebuilt generation is live; if the hand-over does not end within
     * {@link #HOLD_LIMIT} the rebuild has died, and the event goes to the generation that is still live.
     */
    public String forEvent(Position position) {
        ProjectionState.Generations generations = read();
        if (!generations.handingOver()) {
            return generations.current();
        }
        long deadline = System.nanoTime() + HOLD_LIMIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            pause();
            generations = state.read();
            if (!generations.handingOver()) {
                cached = new Cached(generations, monotonic.instant());
                return generations.current();
            }
        }
        return state.read().current();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProjectionPaused("(interrupted while waiting for the hand-over)");
        }
    }

    /** The generation queries read. */
    public String forQueries() {
        return read().current();
    }

    /** Forgets the cached state (after this instance changed it). */
    public void refresh() {
        cached = null;
    }
}
