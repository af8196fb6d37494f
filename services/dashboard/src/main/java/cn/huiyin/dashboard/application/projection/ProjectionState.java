package cn.huiyin.dashboard.application.projection;

import java.time.Instant;
import java.util.Optional;

/**
 * Which projection generation is live, and the state of a rebuild (port). One document; every instance reads it.
 */
public interface ProjectionState {

    /** The generation the dashboard answers from and live events go to, and a rebuild's state. */
    Generations read();

    /** Starts a rebuild into {@code generation} unless one is running; false if one is. */
    boolean startRebuild(String generation, String by, Instant at, Instant staleBefore);

    void progress(Progress progress);

    /** Makes the live consumers hold their next event (the hand-over begins). */
    void beginHandoff(Instant at);

    /** Makes the rebuilt generation live and lets the consumers go on with it; the old one is to be dropped. */
    void switchOver(Instant at);

    /** Ends a rebuild that failed; the live generation stays as it was. */
    void fail(String reason, Instant at);

    /** The state of the projection: the live generation, and the latest rebuild. */
    record Generations(String current, String previous, Rebuild rebuild) {

        public boolean handingOver() {
            return rebuild != null && rebuild.phase() == Phase.HANDOFF;
        }

        public Optional<Rebuild> latestRebuild() {
            return Optional.ofNullable(rebuild);
        }
    }

    /** A rebuild's phase: replaying history, holding live consumers for the hand-over, done, or failed. */
    enum Phase { REPLAYING, HANDOFF, DONE, FAILED }

    record Rebuild(String generation, Phase phase, String by, Instant startedAt, Instant finishedAt, Progress progress,
                   String failure) {
    }

    /**
     * How far a rebuild is: records read of those there were when it started (more arrive while it runs), the rate
     * over the last interval, and when it last reported (a rebuild that stops reporting has died).
     */
    record Progress(long read, long total, double ratePerSecond, long applied, Instant reportedAt) {
    }
}
