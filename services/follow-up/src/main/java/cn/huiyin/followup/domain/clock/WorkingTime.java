package cn.huiyin.followup.domain.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.huiyin.platform.calendar.BusinessHours;
import cn.huiyin.platform.calendar.ChinaCalendar;

/**
 * Working-time arithmetic on the platform calendar (China's working days, holidays and adjusted weekends) for the
 * hours a clock counts in: an organisation's office hours, or {@value #ROUND_THE_CLOCK} for urgent cases, which do
 * not stop for the Spring Festival.
 */
public final class WorkingTime {

    /** 09:00–12:00 and 13:30–17:30 on working days, unless the registry says otherwise. */
    public static final String OFFICE_HOURS = "09:00-12:00,13:30-17:30";
    public static final String ROUND_THE_CLOCK = BusinessHours.ROUND_THE_CLOCK_SPEC;

    private final ChinaCalendar calendar;
    private final Map<String, BusinessHours> parsed = new ConcurrentHashMap<>();

    public WorkingTime(ChinaCalendar calendar) {
        this.calendar = calendar;
    }

    /** The instant {@code amount} of working time after {@code start}. */
    public Instant plus(Instant start, Duration amount, String hours) {
        return calendar.plusWorkingHours(start, amount.isNegative() ? Duration.ZERO : amount, hoursOf(hours)).instant();
    }

    /** Close of business on the {@code days}-th working day after the day of {@code start} (N个工作日内). */
    public Instant plusWorkingDays(Instant start, int days, String hours) {
        return calendar.plusWorkingDays(start, days, hoursOf(hours)).instant();
    }

    /** Working time from {@code from} to {@code to}; negative when {@code to} is earlier. */
    public Duration between(Instant from, Instant to, String hours) {
        return calendar.workingTimeBetween(from, to, hoursOf(hours)).duration();
    }

    /** Whether {@code hours} can be read (office hours such as {@code 09:00-12:00,13:30-17:30}, or {@code 24x7}). */
    public static boolean isValid(String hours) {
        try {
            BusinessHours.parse(hours);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private BusinessHours hoursOf(String hours) {
        return parsed.computeIfAbsent(hours == null ? OFFICE_HOURS : hours, BusinessHours::parse);
    }
}
