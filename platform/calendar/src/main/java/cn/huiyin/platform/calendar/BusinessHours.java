package cn.huiyin.platform.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * When an office counts time: one or more windows per day, and on which days.
 *
 * <p>{@link #STANDARD} is 09:00–12:00 and 13:30–17:30 on working days, the usual hours of a
 * Chinese government office with its lunch break. {@link #ROUND_THE_CLOCK} counts every hour of
 * every calendar day, <em>including</em> weekends and holidays: hotlines such as 12345 and urgent
 * cases run through the Spring Festival, so their clocks must not stop for it (and, since the
 * holiday calendar is not consulted, such answers never carry calendar warnings).
 *
 * @param windows non-overlapping windows in ascending order; touching windows are allowed
 * @param days which days the windows apply to
 */
public record BusinessHours(List<Window> windows, Days days) {

    /** Which days business hours apply to. */
    public enum Days {
        /** Working days per {@link ChinaCalendar} (ordinary weekdays and adjusted working days). */
        WORKING_DAYS,
        /** Every calendar day, ignoring weekends and holidays. */
        EVERY_DAY
    }

    /**
     * One opening window within a day.
     *
     * @param opens opening time
     * @param closes closing time; {@link LocalTime#MIDNIGHT} here means 24:00, the end of the day
     */
    public record Window(LocalTime opens, LocalTime closes) {

        public Window {
            Objects.requireNonNull(opens, "opens");
            Objects.requireNonNull(closes, "closes");
            if (!closes.equals(LocalTime.MIDNIGHT) && !opens.isBefore(closes)) {
                throw new IllegalArgumentException("Window " + format(opens) + "-" + format(closes)
                        + " must open before it closes");
            }
        }

        /** Length of the window. */
        public Duration length() {
            return Duration.between(opens.atDate(LocalDate.EPOCH), closesOn(LocalDate.EPOCH));
        }

        LocalDateTime opensOn(LocalDate day) {
            return day.atTime(opens);
        }

        LocalDateTime closesOn(LocalDate day) {
            return closes.equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay() : day.atTime(closes);
        }

        @Override
        public String toString() {
            return format(opens) + "-" + (closes.equals(LocalTime.MIDNIGHT) ? "24:00" : format(closes));
        }

        private static String format(LocalTime t) {
            return t.getSecond() == 0 && t.getNano() == 0 ? String.format("%02d:%02d", t.getHour(), t.getMinute()) : t.toString();
        }
    }

    /** 09:00–12:00 and 13:30–17:30 on working days. */
    public static final BusinessHours STANDARD = new BusinessHours(List.of(
            new Window(LocalTime.of(9, 0), LocalTime.of(12, 0)),
            new Window(LocalTime.of(13, 30), LocalTime.of(17, 30))), Days.WORKING_DAYS);

    /** 24 hours on every calendar day, holidays included. */
    public static final BusinessHours ROUND_THE_CLOCK =
            new BusinessHours(List.of(new Window(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)), Days.EVERY_DAY);

    /** Spelling of {@link #ROUND_THE_CLOCK} accepted by {@link #parse(String)}, for configuration files. */
    public static final String ROUND_THE_CLOCK_SPEC = "24x7";

    private static final Pattern WINDOW = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");

    public BusinessHours {
        Objects.requireNonNull(days, "days");
        windows = List.copyOf(windows);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("Business hours need at least one window");
        }
        for (int i = 1; i < windows.size(); i++) {
            Window previous = windows.get(i - 1);
            Window current = windows.get(i);
            if (previous.closes().equals(LocalTime.MIDNIGHT) || current.opens().isBefore(previous.closes())) {
                throw new IllegalArgumentException("Windows must be in order and must not overlap: "
                        + previous + " then " + current);
            }
        }
    }

    /**
     * Parses working-day hours such as {@code "09:00-12:00,13:30-17:30"}; {@code "24:00"} may be
     * used as a closing time. {@value #ROUND_THE_CLOCK_SPEC} yields {@link #ROUND_THE_CLOCK}.
     *
     * @throws IllegalArgumentException naming the offending part of {@code spec}
     */
    public static BusinessHours parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec.strip().equalsIgnoreCase(ROUND_THE_CLOCK_SPEC)) {
            return ROUND_THE_CLOCK;
        }
        return parse(spec, Days.WORKING_DAYS);
    }

    /** Parses windows as in {@link #parse(String)}, applying them on the given days. */
    public static BusinessHours parse(String spec, Days days) {
        Objects.requireNonNull(spec, "spec");
        if (spec.isBlank()) {
            throw new IllegalArgumentException("Business hours are empty; expected e.g. \"09:00-12:00,13:30-17:30\"");
        }
        List<Window> windows = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            Matcher m = WINDOW.matcher(part.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("Invalid business hours \"" + spec + "\": \"" + part.strip()
                        + "\" is not a window like 09:00-12:00");
            }
            try {
                windows.add(new Window(parseTime(m.group(1), false), parseTime(m.group(2), true)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("Invalid business hours \"" + spec + "\": " + e.getMessage(), e);
            }
        }
        return new BusinessHours(windows, days);
    }

    /** Time counted on one open day. */
    public Duration perDay() {
        return windows.stream().map(Window::length).reduce(Duration.ZERO, Duration::plus);
    }

    /** Closing time of the last window on {@code day} (the "end of business"). */
    LocalDateTime endOfBusiness(LocalDate day) {
        return windows.get(windows.size() - 1).closesOn(day);
    }

    /** Inverse of {@link #parse(String)}. */
    @Override
    public String toString() {
        if (this.equals(ROUND_THE_CLOCK)) {
            return ROUND_THE_CLOCK_SPEC;
        }
        String spec = windows.stream().map(Window::toString).collect(Collectors.joining(","));
        return days == Days.WORKING_DAYS ? spec : spec + " (every day)";
    }

    private static LocalTime parseTime(String text, boolean closing) {
        String[] hm = text.split(":");
        int hour = Integer.parseInt(hm[0]);
        int minute = Integer.parseInt(hm[1]);
        if (hour == 24 && minute == 0) {
            if (!closing) {
                throw new IllegalArgumentException("24:00 can only be a closing time");
            }
            return LocalTime.MIDNIGHT;
        }
        if (closing && hour == 0 && minute == 0) {
            throw new IllegalArgumentException("00:00 as a closing time is ambiguous; write 24:00 for the end of the day");
        }
        if (hour > 23 || minute > 59) {
            throw new IllegalArgumentException("\"" + text + "\" is not a time of day");
        }
        return LocalTime.of(hour, minute);
    }
}
