package cn.huiyin.jointmeeting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import cn.huiyin.jointmeeting.domain.meeting.DueDates;
import cn.huiyin.platform.calendar.BusinessHours;
import cn.huiyin.platform.calendar.ChinaCalendar;
import org.junit.jupiter.api.Test;

/** Action items fall due on working days at the close of the lead's business; the dates were counted by hand. */
class DueDatesTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private final DueDates dueDates = new DueDates(ChinaCalendar.builtIn());

    @Test
    void tenWorkingDaysAfterAThursdayMeetingEndOnTheSeventeenthAtHalfPastFive() {
        DueDates.Due due = dueDates.afterWorkingDays(at(2026, 12, 3, 10, 0), 10, BusinessHours.STANDARD);

        assertThat(due.date()).isEqualTo(LocalDate.of(2026, 12, 17));
        assertThat(due.at()).isEqualTo(Instant.parse("2026-12-17T09:30:00Z"));
        assertThat(due.warnings()).isEmpty();
    }

    @Test
    void theSpringFestivalHolidayIsSkippedAndItsAdjustedSaturdayCounts() {
        Instant lastSaturday = at(2026, 2, 14, 14, 0);

        assertThat(dueDates.afterWorkingDays(lastSaturday, 1, BusinessHours.STANDARD).date()).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(dueDates.afterWorkingDays(lastSaturday, 5, BusinessHours.STANDARD).date()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(dueDates.describe(LocalDate.of(2026, 2, 18)).isWorkingDay()).isFalse();
        assertThat(dueDates.nextWorkingDayAfter(LocalDate.of(2026, 2, 18))).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void aLeadWithLaterHoursIsDueAtItsOwnClosingTime() {
        DueDates.Due due = dueDates.on(LocalDate.of(2026, 12, 9), BusinessHours.parse("09:00-12:00,14:00-18:00"));

        assertThat(due.at()).isEqualTo(at(2026, 12, 9, 18, 0));
    }

    @Test
    void aRoundTheClockLeadIsDueOnTheDayItselfNotTheMidnightAfter() {
        DueDates.Due due = dueDates.afterWorkingDays(at(2026, 12, 3, 10, 0), 2, BusinessHours.ROUND_THE_CLOCK);

        assertThat(due.date()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(due.at()).isEqualTo(at(2026, 12, 6, 0, 0));
    }

    @Test
    void aDueDateInAProvisionalYearCarriesTheCalendarsWarning() {
        assertThat(dueDates.afterWorkingDays(at(2027, 3, 1, 10, 0), 3, BusinessHours.STANDARD).warnings()).isNotEmpty();
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(BEIJING).toInstant();
    }
}
