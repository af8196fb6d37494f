package cn.huiyin.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Deadlines as a hotline clerk would work them out by hand with the wall calendar. */
class DeadlineScenariosTest {

    private final ChinaCalendar calendar = ChinaCalendar.builtIn();
    private static final BusinessHours STANDARD = BusinessHours.STANDARD;

    static ZonedDateTime at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ChinaCalendar.ZONE);
    }

    @Nested
    @DisplayName("case filed Thu 12 Feb 2026 16:00, just before the Spring Festival")
    class FiledBeforeSpringFestival {

        private final ZonedDateTime filed = at("2026-02-12T16:00");

        @Test
        void respond_within_24_working_hours_lands_on_wednesday_morning_after_the_holiday() {
            // Thu 1.5h + Fri 7h + Sat 14 (调休) 7h + [15..23 off] + Tue 24 7h = 22.5h; 1.5h more on Wed 25.
            Deadline d = calendar.plusWorkingHours(filed, 24, STANDARD);
            assertThat(d.at()).isEqualTo(at("2026-02-25T10:30"));
            assertThat(d.warnings()).isEmpty();
        }

        @Test
        void resolve_within_7_working_days_is_due_at_closing_on_the_adjusted_saturday_28_february() {
            // Day 1 Fri 13, 2 Sat 14, 3 Tue 24, 4 Wed 25, 5 Thu 26, 6 Fri 27, 7 Sat 28 (调休).
            Deadline d = calendar.plusWorkingDays(filed, 7, STANDARD);
            assertThat(d.at()).isEqualTo(at("2026-02-28T17:30"));
            assertThat(d.warnings()).isEmpty();
        }

        @Test
        void three_working_days_skip_the_whole_holiday() {
            assertThat(calendar.plusWorkingDays(filed, 3, STANDARD).at()).isEqualTo(at("2026-02-24T17:30"));
        }

        @Test
        void time_remaining_and_overdue_are_measured_in_business_time() {
            ZonedDateTime due = at("2026-02-25T10:30");
            assertThat(calendar.workingTimeBetween(filed, due, STANDARD).duration()).isEqualTo(Duration.ofHours(24));

            ZonedDateTime now = at("2026-02-25T14:00"); // 10:30-12:00 and 13:30-14:00
            assertThat(calendar.workingTimeBetween(due, now, STANDARD).duration()).isEqualTo(Duration.ofHours(2));
            assertThat(calendar.workingTimeBetween(now, due, STANDARD).duration()).isEqualTo(Duration.ofHours(-2));
        }

        @Test
        void the_same_moment_given_in_utc_or_as_an_instant_gives_the_same_deadline_in_shanghai_time() {
            ZonedDateTime utc = ZonedDateTime.of(2026, 2, 12, 8, 0, 0, 0, ZoneOffset.UTC);
            Deadline fromUtc = calendar.plusWorkingHours(utc, 24, STANDARD);
            Deadline fromInstant = calendar.plusWorkingHours(Instant.parse("2026-02-12T08:00:00Z"), Duration.ofHours(24), STANDARD);
            assertThat(fromUtc.at()).isEqualTo(at("2026-02-25T10:30"));
            assertThat(fromUtc.at().getZone()).isEqualTo(ChinaCalendar.ZONE);
            assertThat(fromInstant).isEqualTo(fromUtc);
            assertThat(calendar.plusWorkingDays(Instant.parse("2026-02-12T08:00:00Z"), 7, STANDARD).at())
                    .isEqualTo(at("2026-02-28T17:30"));
        }
    }

    @Nested
    @DisplayName("lunch break and opening hours")
    class LunchBreak {

        @Test
        void two_hours_from_eleven_resume_after_lunch() {
            assertThat(calendar.plusWorkingHours(at("2026-03-09T11:00"), 2, STANDARD).at()).isEqualTo(at("2026-03-09T14:30"));
        }

        @Test
        void a_case_filed_during_lunch_starts_counting_at_13_30() {
            assertThat(calendar.plusWorkingHours(at("2026-03-09T12:15"), 1, STANDARD).at()).isEqualTo(at("2026-03-09T14:30"));
            assertThat(calendar.workingTimeBetween(at("2026-03-09T11:30"), at("2026-03-09T13:45"), STANDARD).duration())
                    .isEqualTo(Duration.ofMinutes(45));
        }

        @Test
        void using_up_the_morning_exactly_is_due_at_noon_not_after_lunch() {
            assertThat(calendar.plusWorkingHours(at("2026-03-09T11:00"), 1, STANDARD).at()).isEqualTo(at("2026-03-09T12:00"));
            assertThat(calendar.plusWorkingHours(at("2026-03-09T09:00"), 7, STANDARD).at()).isEqualTo(at("2026-03-09T17:30"));
        }

        @Test
        void before_opening_counts_from_nine_and_after_closing_from_the_next_working_morning() {
            assertThat(calendar.plusWorkingHours(at("2026-03-09T07:00"), 1, STANDARD).at()).isEqualTo(at("2026-03-09T10:00"));
            // Friday evening: the weekend does not count.
            assertThat(calendar.plusWorkingHours(at("2026-03-13T18:00"), 1, STANDARD).at()).isEqualTo(at("2026-03-16T10:00"));
        }

        @Test
        void custom_hours_from_configuration() {
            BusinessHours hours = BusinessHours.parse("08:30-12:00,14:00-18:00");
            assertThat(calendar.plusWorkingHours(at("2026-03-09T11:00"), 2, hours).at()).isEqualTo(at("2026-03-09T15:00"));
        }

        @Test
        void adding_nothing_returns_the_start() {
            assertThat(calendar.plusWorkingHours(at("2026-03-14T03:00"), Duration.ZERO, STANDARD).at())
                    .isEqualTo(at("2026-03-14T03:00"));
        }
    }

    @Nested
    @DisplayName("N working days (N个工作日内)")
    class WorkingDays {

        @Test
        void filing_day_never_counts_whatever_the_hour() {
            assertThat(calendar.plusWorkingDays(at("2026-03-09T08:00"), 1, STANDARD).at()).isEqualTo(at("2026-03-10T17:30"));
            assertThat(calendar.plusWorkingDays(at("2026-03-09T23:59"), 1, STANDARD).at()).isEqualTo(at("2026-03-10T17:30"));
        }

        @Test
        void filed_on_saturday_day_one_is_monday() {
            assertThat(calendar.plusWorkingDays(at("2026-03-14T10:00"), 1, STANDARD).at()).isEqualTo(at("2026-03-16T17:30"));
        }

        @Test
        void zero_days_means_by_closing_time_today_or_the_next_working_day() {
            assertThat(calendar.plusWorkingDays(at("2026-03-09T10:00"), 0, STANDARD).at()).isEqualTo(at("2026-03-09T17:30"));
            assertThat(calendar.plusWorkingDays(at("2026-03-09T18:00"), 0, STANDARD).at()).isEqualTo(at("2026-03-10T17:30"));
            assertThat(calendar.plusWorkingDays(at("2026-03-14T10:00"), 0, STANDARD).at()).isEqualTo(at("2026-03-16T17:30"));
        }

        @Test
        void national_day_2026_ends_on_the_adjusted_saturday() {
            // Filed Wed 30 Sep; Oct 1-7 off; day 1 Thu 8, day 2 Fri 9, day 3 Sat 10 (调休).
            assertThat(calendar.plusWorkingDays(at("2026-09-30T15:00"), 3, STANDARD).at()).isEqualTo(at("2026-10-10T17:30"));
            // Filed Fri 18 Sep: day 1 is Sun 20 (调休).
            assertThat(calendar.plusWorkingDays(at("2026-09-18T15:00"), 1, STANDARD).at()).isEqualTo(at("2026-09-20T17:30"));
        }

        @Test
        void the_eight_day_block_of_2025_is_skipped_entirely() {
            assertThat(calendar.plusWorkingDays(at("2025-09-30T10:00"), 1, STANDARD).at()).isEqualTo(at("2025-10-09T17:30"));
            // 4 working hours from 15:30 on 30 Sep: 2h that day, 2h on Thu 9 Oct.
            assertThat(calendar.plusWorkingHours(at("2025-09-30T15:30"), 4, STANDARD).at()).isEqualTo(at("2025-10-09T11:00"));
        }

        @Test
        void new_year_2026_is_crossed_into_the_adjusted_sunday() {
            // Wed 31 Dec 2025 16:00: 1.5h that day, Jan 1-3 off, Sun 4 Jan (调休) 3h + 3.5h.
            Deadline hours = calendar.plusWorkingHours(at("2025-12-31T16:00"), 8, STANDARD);
            assertThat(hours.at()).isEqualTo(at("2026-01-04T17:00"));
            assertThat(hours.warnings()).isEmpty();
            assertThat(calendar.plusWorkingDays(at("2025-12-31T16:00"), 1, STANDARD).at()).isEqualTo(at("2026-01-04T17:30"));
            assertThat(calendar.plusWorkingDays(at("2025-12-31T16:00"), 2, STANDARD).at()).isEqualTo(at("2026-01-05T17:30"));
        }
    }

    @Nested
    @DisplayName("round-the-clock hotline")
    class RoundTheClock {

        private final BusinessHours hotline = BusinessHours.ROUND_THE_CLOCK;

        @Test
        void counts_straight_through_the_spring_festival() {
            Deadline d = calendar.plusWorkingHours(at("2026-02-14T20:00"), 48, hotline);
            assertThat(d.at()).isEqualTo(at("2026-02-16T20:00"));
            assertThat(calendar.workingTimeBetween(at("2026-02-15T00:00"), at("2026-02-24T00:00"), hotline).duration())
                    .isEqualTo(Duration.ofDays(9));
        }

        @Test
        void working_days_are_calendar_days_ending_at_midnight() {
            assertThat(calendar.plusWorkingDays(at("2026-03-09T10:00"), 1, hotline).at()).isEqualTo(at("2026-03-11T00:00"));
            assertThat(calendar.plusWorkingDays(at("2026-02-14T10:00"), 2, hotline).at()).isEqualTo(at("2026-02-17T00:00"));
        }

        @Test
        void never_warns_because_it_does_not_depend_on_holiday_data() {
            assertThat(calendar.plusWorkingHours(at("2031-02-01T10:00"), 72, hotline).warnings()).isEmpty();
            assertThat(calendar.plusWorkingDays(at("2027-02-01T10:00"), 5, hotline).warnings()).isEmpty();
        }
    }

    @Nested
    @DisplayName("warnings travel with the answer")
    class Warnings {

        @Test
        void a_deadline_in_a_year_without_data_says_so() {
            Deadline d = calendar.plusWorkingHours(at("2031-03-03T10:00"), 24, STANDARD);
            assertThat(d.at()).isEqualTo(at("2031-03-06T14:30")); // Mon 6h, Tue 7h, Wed 7h, Thu 3h + 1h
            assertThat(d.hasWarnings()).isTrue();
            assertThat(d.warnings()).extracting(CalendarWarning::kind, CalendarWarning::year)
                    .containsExactly(tuple(CalendarWarning.Kind.MISSING_YEAR, 2031));
        }

        @Test
        void the_provisional_2027_spring_festival_is_used_but_flagged() {
            // Thu 4 Feb 2027; provisional block Feb 5-13; Sun 14 provisionally worked.
            Deadline d = calendar.plusWorkingDays(at("2027-02-04T09:00"), 1, STANDARD);
            assertThat(d.at()).isEqualTo(at("2027-02-14T17:30"));
            assertThat(d.warnings()).extracting(CalendarWarning::kind).containsExactly(CalendarWarning.Kind.PROVISIONAL_YEAR);
        }

        @Test
        void crossing_from_provisional_2027_into_missing_2028_lists_both_years_once_in_order() {
            Deadline d = calendar.plusWorkingDays(at("2027-12-28T10:00"), 5, STANDARD);
            assertThat(d.warnings()).extracting(CalendarWarning::kind, CalendarWarning::year).containsExactly(
                    tuple(CalendarWarning.Kind.PROVISIONAL_YEAR, 2027),
                    tuple(CalendarWarning.Kind.MISSING_YEAR, 2028));
            WorkingDuration between = calendar.workingTimeBetween(at("2027-12-28T10:00"), d.at(), STANDARD);
            assertThat(between.warnings()).isEqualTo(d.warnings());
        }

        @Test
        void a_computation_that_stays_inside_official_years_has_none() {
            assertThat(calendar.plusWorkingDays(at("2026-12-01T10:00"), 20, STANDARD).warnings()).isEmpty();
        }

        @Test
        void a_start_after_closing_on_new_years_eve_warns_only_about_the_year_it_enters() {
            // Fri 31 Dec 2027 (provisional) contributes nothing after 17:30; 2028 has no data.
            Deadline d = calendar.plusWorkingHours(at("2027-12-31T18:00"), 1, STANDARD);
            assertThat(d.at()).isEqualTo(at("2028-01-03T10:00"));
            assertThat(d.warnings()).extracting(CalendarWarning::kind, CalendarWarning::year)
                    .containsExactly(tuple(CalendarWarning.Kind.MISSING_YEAR, 2028));
        }
    }

    @Nested
    @DisplayName("absurd input")
    class AbsurdInput {

        @Test
        void negative_amounts_are_rejected_with_a_clear_message() {
            assertThatThrownBy(() -> calendar.plusWorkingHours(at("2026-03-09T10:00"), -1, STANDARD))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
            assertThatThrownBy(() -> calendar.plusWorkingHours(at("2026-03-09T10:00"), Duration.ofMinutes(-5), STANDARD))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
            assertThatThrownBy(() -> calendar.plusWorkingDays(at("2026-03-09T10:00"), -3, STANDARD))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative, got -3");
        }

        @Test
        void an_amount_beyond_the_ten_year_horizon_stops_with_an_error() {
            assertThatThrownBy(() -> calendar.plusWorkingHours(at("2026-03-09T10:00"), 1_000_000, STANDARD))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3660 calendar days");
            assertThatThrownBy(() -> calendar.plusWorkingDays(at("2026-03-09T10:00"), Integer.MAX_VALUE, STANDARD))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3660 calendar days");
            assertThatThrownBy(() -> calendar.workingTimeBetween(at("2026-03-09T10:00"), at("2046-03-09T10:00"), STANDARD))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit is 3660 days");
        }
    }
}
