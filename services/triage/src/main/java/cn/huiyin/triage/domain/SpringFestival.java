package cn.huiyin.triage.domain;

import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;

import cn.huiyin.platform.calendar.ChinaCalendar;
import cn.huiyin.platform.calendar.DayKind;
import cn.huiyin.platform.calendar.SpecialDay;

/**
 * When the Spring Festival (春节) holiday falls, from the platform calendar. Wage arrears filed in the weeks before it
 * are pressing: workers travel home and need their pay (根治欠薪冬季专项行动).
 */
public final class SpringFestival {

    /** The holiday block, first and last day off. */
    public record Holiday(LocalDate firstDay, LocalDate lastDay) {
    }

    private final ChinaCalendar calendar;

    public SpringFestival(ChinaCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * Whether {@code day} lies within {@code daysBefore} days before the Spring Festival holiday, or inside it. A year
     * the calendar has no data for falls back to January and February, where the festival always is.
     */
    public boolean isWithin(LocalDate day, int daysBefore) {
        for (int year = day.getYear(); year <= day.getYear() + 1; year++) {
            Optional<Holiday> holiday = holiday(year);
            if (holiday.isEmpty()) {
                if (year == day.getYear() && (day.getMonth() == Month.JANUARY || day.getMonth() == Month.FEBRUARY)) {
                    return true;
                }
                continue;
            }
            if (!day.isBefore(holiday.get().firstDay().minusDays(daysBefore)) && !day.isAfter(holiday.get().lastDay())) {
                return true;
            }
        }
        return false;
    }

    public Optional<Holiday> holiday(int year) {
        return calendar.schedule(year).flatMap(schedule -> {
            LocalDate first = null;
            LocalDate last = null;
            for (SpecialDay day : schedule.days().values()) {
                if (day.kind() == DayKind.HOLIDAY && day.name().startsWith("春节") && day.date().getYear() == year) {
                    first = first == null ? day.date() : first;
                    last = day.date();
                }
            }
            return first == null ? Optional.empty() : Optional.of(new Holiday(first, last));
        });
    }
}
