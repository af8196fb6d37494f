package cn.huiyin.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks that hold for any start and amount, over many pseudo-random cases. The seed is fixed so a
 * failure is reproducible; the range spans official, provisional and missing years.
 */
class WorkingTimePropertiesTest {

    private static final int CASES = 1_500;
    private static final LocalDateTime FIRST = LocalDateTime.parse("2024-12-01T00:00");
    private static final long RANGE_MINUTES = ChronoUnit.MINUTES.between(FIRST, LocalDateTime.parse("2028-02-01T00:00"));

    private final ChinaCalendar calendar = ChinaCalendar.builtIn();

    static Stream<Arguments> hours() {
        return Stream.of(
                Arguments.of("standard", BusinessHours.STANDARD),
                Arguments.of("three windows", BusinessHours.parse("08:00-11:30,13:00-17:00,19:00-21:00")),
                Arguments.of("24h on working days", BusinessHours.parse("00:00-24:00")),
                Arguments.of("round the clock", BusinessHours.ROUND_THE_CLOCK));
    }

    private static ZonedDateTime randomStart(Random random) {
        return FIRST.plusMinutes(random.nextLong(RANGE_MINUTES)).plusSeconds(random.nextInt(60)).atZone(ChinaCalendar.ZONE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hours")
    void working_time_between_start_and_deadline_is_exactly_the_amount_added(String label, BusinessHours hours) {
        Random random = new Random(20260212L);
        for (int i = 0; i < CASES; i++) {
            ZonedDateTime start = randomStart(random);
            Duration amount = Duration.ofMinutes(1 + random.nextInt(300 * 60));

            Deadline deadline = calendar.plusWorkingHours(start, amount, hours);
            WorkingDuration between = calendar.workingTimeBetween(start, deadline.at(), hours);

            assertThat(between.duration()).as("%s + %s -> %s", start, amount, deadline.at()).isEqualTo(amount);
            assertThat(between.warnings()).as("warnings for %s + %s", start, amount).isEqualTo(deadline.warnings());
            assertThat(deadline.at()).isAfter(start);
            assertThat(calendar.workingTimeBetween(deadline.at(), start, hours).duration()).isEqualTo(amount.negated());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hours")
    void a_deadline_falls_inside_business_hours_on_an_open_day(String label, BusinessHours hours) {
        Random random = new Random(7L);
        for (int i = 0; i < CASES; i++) {
            ZonedDateTime start = randomStart(random);
            ZonedDateTime at = calendar.plusWorkingHours(start, Duration.ofMinutes(1 + random.nextInt(100 * 60)), hours).at();
            // A window closing at 24:00 yields 00:00 of the next day; attribute that instant to the day it closes.
            LocalDateTime local = at.toLocalDateTime();
            LocalDate day = local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
            boolean insideAWindow = hours.windows().stream()
                    .anyMatch(w -> local.isAfter(w.opensOn(day)) && !local.isAfter(w.closesOn(day)));
            assertThat(insideAWindow).as("%s is inside %s", at, hours).isTrue();
            if (hours.days() == BusinessHours.Days.WORKING_DAYS) {
                assertThat(calendar.isWorkingDay(day)).as("%s is a working day", day).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hours")
    void more_time_never_gives_an_earlier_deadline(String label, BusinessHours hours) {
        Random random = new Random(42L);
        for (int i = 0; i < CASES; i++) {
            ZonedDateTime start = randomStart(random);
            Duration shorter = Duration.ofMinutes(random.nextInt(50 * 60));
            Duration longer = shorter.plusMinutes(random.nextInt(50 * 60));
            assertThat(calendar.plusWorkingHours(start, longer, hours).at())
                    .isAfterOrEqualTo(calendar.plusWorkingHours(start, shorter, hours).at());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hours")
    void n_working_days_end_at_closing_time_on_the_nth_open_day_after_the_start_day(String label, BusinessHours hours) {
        Random random = new Random(12345L);
        for (int i = 0; i < CASES; i++) {
            ZonedDateTime start = randomStart(random);
            int n = 1 + random.nextInt(30);
            Deadline deadline = calendar.plusWorkingDays(start, n, hours);

            LocalDate startDay = start.toLocalDate();
            LocalDate lastDay = deadline.at().toLocalDateTime().minusNanos(1).toLocalDate();
            List<LocalDate> openDays = startDay.plusDays(1).datesUntil(lastDay.plusDays(1))
                    .filter(d -> hours.days() == BusinessHours.Days.EVERY_DAY || calendar.isWorkingDay(d))
                    .toList();
            assertThat(openDays).as("open days after %s up to %s", startDay, lastDay).hasSize(n).endsWith(lastDay);
            assertThat(deadline.at().toLocalDateTime()).isEqualTo(hours.endOfBusiness(lastDay));
        }
    }
}
