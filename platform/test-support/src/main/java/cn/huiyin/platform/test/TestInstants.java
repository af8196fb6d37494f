package cn.huiyin.platform.test;

import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;

/**
 * Fixed instants a time-sensitive scenario runs at, so that no weekday, hour or holiday can make the suite pass on one
 * day and fail on another. Times are Beijing time (UTC+8); the 2026 schedule is the State Council's.
 */
public final class TestInstants {

    /** Wednesday 2026-12-02, 10:00 Beijing time: an ordinary working morning. */
    public static final Instant DEFAULT = Instant.parse("2026-12-02T02:00:00Z");
    /** Monday 2026-11-30, 09:05: the weekend lies just behind. */
    public static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T01:05:00Z");
    /** Friday 2026-11-27, 17:59: a minute before the office closes for the weekend. */
    public static final Instant FRIDAY_1759 = Instant.parse("2026-11-27T09:59:00Z");
    /** Wednesday 2026-09-30, 16:00: the last working afternoon before the National Day week (10-01 to 10-07). */
    public static final Instant EVE_OF_NATIONAL_DAY = Instant.parse("2026-09-30T08:00:00Z");
    /** Saturday 2026-02-14, 10:00: an adjusted working day (调休), the last before Spring Festival (02-15 to 02-23). */
    public static final Instant LAST_WORKING_DAY_BEFORE_SPRING_FESTIVAL = Instant.parse("2026-02-14T02:00:00Z");

    private TestInstants() {
    }

    /** The instants every time-sensitive scenario runs at, for {@code @MethodSource}. */
    public static Stream<Named<Instant>> critical() {
        return Stream.of(
            Named.of("Monday 09:05", MONDAY_MORNING),
            Named.of("Friday 17:59", FRIDAY_1759),
            Named.of("eve of National Day", EVE_OF_NATIONAL_DAY),
            Named.of("last working day before Spring Festival", LAST_WORKING_DAY_BEFORE_SPRING_FESTIVAL),
            Named.of("ordinary Wednesday", DEFAULT));
    }
}
