package cn.huiyin.jointmeeting.domain.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.huiyin.platform.calendar.BusinessHours;
import cn.huiyin.platform.calendar.CalendarWarning;
import cn.huiyin.platform.calendar.ChinaCalendar;
import cn.huiyin.platform.calendar.DayDescription;
import cn.huiyin.platform.calendar.Deadline;

/**
 * When an action item is due, on China's working-day calendar: a number of working days after the meeting day (the
 * meeting day itself never counts, as for every "N个工作日内"), or a working day a person chose; either way at the close
 * of the lead organisation's business that day.
 */
public final class DueDates {

    /** A due date and the instant it ends, with the calendar's doubts about it. */
    public record Due(LocalDate date, Instant at, List<String> warnings) {
    }

    private final ChinaCalendar calendar;

    public DueDates(ChinaCalendar calendar) {
        this.calendar = calendar;
    }

    public Due afterWorkingDays(Instant meetingStart, int workingDays, BusinessHours leadHours) {
        return due(calendar.plusWorkingDays(meetingStart.atZone(ChinaCalendar.ZONE), workingDays, leadHours));
    }

    /** A chosen date; call {@link #describe} first, as a day off has no close of business. */
    public Due on(LocalDate date, BusinessHours leadHours) {
        return due(calendar.plusWorkingDays(date.atStartOfDay(ChinaCalendar.ZONE), 0, leadHours));
    }

    public DayDescription describe(LocalDate date) {
        return calendar.describe(date);
    }

    /** The first working day after {@code date}, to suggest instead of a day off. */
    public LocalDate nextWorkingDayAfter(LocalDate date) {
        LocalDate day = date.plusDays(1);
        for (int i = 0; i < ChinaCalendar.SEARCH_HORIZON_DAYS && !calendar.isWorkingDay(day); i++) {
            day = day.plusDays(1);
        }
        return day;
    }

    public static LocalDate meetingDay(Instant startsAt) {
        return startsAt.atZone(ChinaCalendar.ZONE).toLocalDate();
    }

    private static Due due(Deadline deadline) {
        // Business that ends at 24:00 ends on the day before the midnight it names.
        LocalDate date = deadline.at().minusNanos(1).toLocalDate();
        return new Due(date, deadline.instant(), deadline.warnings().stream().map(CalendarWarning::message).toList());
    }
}
