package cn.huiyin.dashboard.application.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The generation live events go to and queries read, re-read at most every {@link #MAX_AGE} (every event would
 * otherwise read the state document). A rebuild waits longer than that after starting the hand-over, so no consumer
 * still writes to the old generation once the new one takes over from where they hold.
 */
public class LiveGeneration {

    public static final Duration MAX_AGE = Duration.ofMillis(500);

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

    /** The generation an event at {@code position} goes to; during a hand-over the event is held. */
    public String forEvent(Position position) {
        ProjectionState.Generations generations = read();
        if (generations.handingOver()) {
            if (position != null) {
                state.holdingAt(position.slot(), position.offset());
            }
            throw new ProjectionPaused(generations.rebuild().generation());
        }
        return generations.current();
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
