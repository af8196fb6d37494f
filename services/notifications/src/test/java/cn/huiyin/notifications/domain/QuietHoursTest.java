package cn.huiyin.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;

import cn.huiyin.platform.calendar.BusinessHours;
import cn.huiyin.platform.calendar.ChinaCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Staff are disturbed in working time on the State Council's 2026 calendar, workers 08:00–21:00; urgent goes now. */
class QuietHoursTest {

    private final QuietHours quietHours = new QuietHours(ChinaCalendar.builtIn(), BusinessHours.STANDARD);

    static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ChinaCalendar.ZONE).toInstant();
    }

    @ParameterizedTest(name = "staff message at {0} goes at {1}")
    @CsvSource({
        // Friday 23:30 before Qingming (04-04..04-06): Tuesday 09:00.
        "2026-04-03T23:30, 2026-04-07T09:00",
        // Wednesday 23:30, eve of National Day (10-01..10-07): Thursday 10-08 09:00.
        "2026-09-30T23:30, 2026-10-08T09:00",
        // Thursday 23:30 before Dragon Boat (Friday 06-19..06-21): Monday 06-22 09:00.
        "2026-06-18T23:30, 2026-06-22T09:00",
        // An ordinary Friday 23:30: Monday 09:00.
        "2026-11-27T23:30, 2026-11-30T09:00",
        // Lunch break: 13:30.
        "2026-12-02T12:10, 2026-12-02T13:30",
        // Inside office hours: at once.
        "2026-12-02T10:00, 2026-12-02T10:00",
        // Saturday 2026-10-10 is a working day (调休).
        "2026-10-10T08:00, 2026-10-10T09:00",
        // Spring Festival: from the last working Saturday evening to 02-24.
        "2026-02-14T18:00, 2026-02-24T09:00"
    })
    void staffWaitForWorkingTime(String at, String expected) {
        assertThat(quietHours.earliestAllowed(beijing(at), Audience.STAFF, false)).isEqualTo(beijing(expected));
    }

    @ParameterizedTest(name = "worker message at {0} goes at {1}")
    @CsvSource({
        "2026-12-02T21:00, 2026-12-03T08:00",
        "2026-12-02T23:30, 2026-12-03T08:00",
        "2026-12-03T06:59, 2026-12-03T08:00",
        "2026-10-01T10:00, 2026-10-01T10:00",
        "2026-12-02T20:59, 2026-12-02T20:59"
    })
    void workersAreTextedBetweenEightAndNineOnAnyDay(String at, String expected) {
        assertThat(quietHours.earliestAllowed(beijing(at), Audience.WORKER, false)).isEqualTo(beijing(expected));
    }

    @Test
    void anUrgentMessageGoesAtMidnightOnAHoliday() {
        Instant midnight = beijing("2026-10-02T00:00");
        assertThat(quietHours.earliestAllowed(midnight, Audience.STAFF, true)).isEqualTo(midnight);
        assertThat(quietHours.earliestAllowed(midnight, Audience.WORKER, true)).isEqualTo(midnight);
    }
}
