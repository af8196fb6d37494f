package cn.huiyin.platform.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock every service test runs on: it starts at an instant the test chooses and then ticks at the real rate, so
 * a test's verdict never depends on the day or hour the suite runs, while mechanisms that wait for time to pass
 * (relay sweeps, leases, back-off) still see it pass.
 *
 * <p>{@link #set} moves it to an instant (it keeps ticking from there), {@link #advance} moves it forward. A
 * {@link ServiceTest} context uses one as its {@link Clock} bean, starting at {@link TestInstants#DEFAULT}; autowire
 * {@code TestClock} to move it.
 */
public final class TestClock extends Clock {

    private final ZoneId zone;
    private volatile Anchor anchor;

    private record Anchor(Instant instant, long nanos) {
    }

    private TestClock(Instant start, ZoneId zone) {
        this.zone = zone;
        this.anchor = new Anchor(start, System.nanoTime());
    }

    public static TestClock startingAt(Instant start) {
        return new TestClock(start, ZoneOffset.UTC);
    }

    /** Moves the clock to {@code instant}; it ticks on from there. */
    public TestClock set(Instant instant) {
        anchor = new Anchor(instant, System.nanoTime());
        return this;
    }

    /** Moves the clock forward (or back, for a negative duration) by {@code duration}. */
    public TestClock advance(Duration duration) {
        return set(instant().plus(duration));
    }

    @Override
    public Instant instant() {
        Anchor current = anchor;
        return current.instant().plusNanos(System.nanoTime() - current.nanos());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock copy = new TestClock(instant(), zone);
        copy.anchor = anchor;
        return copy;
    }
}
