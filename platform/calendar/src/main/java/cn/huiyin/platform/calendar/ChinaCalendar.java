package cn.huiyin.platform.calendar;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Working-day calendar of the People's Republic of China: weekends, statutory holidays and the
 * adjusted working weekends (调休) published each year by the General Office of the State Council,
 * plus working-time arithmetic for response and resolution deadlines.
 *
 * <p>Instances are immutable and thread-safe. Instants are always interpreted in
 * {@link #ZONE Asia/Shanghai}; results are returned in that zone.
 *
 * <p>Years without a data file are never guessed silently: they are answered with weekends and
 * the fixed-date holidays only, and every answer that relied on such a year, or on a provisional
 * one, carries a {@link CalendarWarning}.
 *
 * <h2>Deadline semantics</h2>
 * <ul>
 *   <li>{@link #plusWorkingHours(ZonedDateTime, Duration, BusinessHours) plusWorkingHours} counts
 *       only time inside business hours on open days; a start outside business hours begins
 *       counting at the next opening. A deadline that uses up a window exactly is the closing
 *       time of that window (17:30, not 09:00 the next working day).</li>
 *   <li>{@link #plusWorkingDays(ZonedDateTime, int, BusinessHours) plusWorkingDays} follows
 *       the rule of the Civil Code (art. 201–203) used for "N个工作日内办结": the day of filing is
 *       not counted, counting starts on the next day, and the deadline is the end of business of
 *       the N-th working day after the filing day.</li>
 *   <li>{@link #workingTimeBetween(ZonedDateTime, ZonedDateTime, BusinessHours) workingTimeBetween}
 *       is the inverse: for any start and amount,
 *       {@code workingTimeBetween(start, plusWorkingHours(start, d).at()) == d}.</li>
 * </ul>
 */
public final class ChinaCalendar {

    /** The only time zone the calendar works in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * Searches stop with an {@link IllegalArgumentException} after this many calendar days
     * (about ten years) rather than looping on an absurd amount.
     */
    public static final int SEARCH_HORIZON_DAYS = 3_660;

    /** Origin reported for dates answered by the fallback rules. */
    static final String FALLBACK_ORIGIN = "built-in fallback rules (weekends and fixed-date holidays only)";

    /** A special day together with the file that declared it. */
    private record Declared(SpecialDay day, YearSchedule schedule) {
    }

    private final Map<Integer, YearSchedule> schedules;
    private final Map<LocalDate, Declared> specialDays;
    private final WorkingTimeArithmetic arithmetic;

    /**
     * @param schedules one schedule per year; dates that several files declare must agree on
     *        whether they are holidays or working days
     * @throws IllegalArgumentException if two schedules are for the same year
     * @throws CalendarDataException if two files contradict each other about a date
     */
    public ChinaCalendar(Collection<YearSchedule> schedules) {
        Map<Integer, YearSchedule> byYear = new TreeMap<>();
        Map<LocalDate, Declared> days = new HashMap<>();
        for (YearSchedule schedule : schedules) {
            YearSchedule previous = byYear.putIfAbsent(schedule.year(), schedule);
            if (previous != null) {
                throw new IllegalArgumentException("Two schedules for " + schedule.year() + ": "
                        + previous.origin() + " and " + schedule.origin());
            }
            for (SpecialDay day : schedule.days().values()) {
                Declared other = days.get(day.date());
                if (other != null && other.day().kind() != day.kind()) {
                    throw contradiction(day, schedule, other);
                }
                // When two files agree, the name from the date's own year file wins.
                if (other == null || day.date().getYear() == schedule.year()) {
                    days.put(day.date(), new Declared(day, schedule));
                }
            }
        }
        this.schedules = Collections.unmodifiableMap(byYear);
        this.specialDays = Map.copyOf(days);
        this.arithmetic = new WorkingTimeArithmetic(this);
    }

    /** The calendar built from the year files shipped with this module. */
    public static ChinaCalendar builtIn() {
        return new ChinaCalendar(YearScheduleLoader.builtIn());
    }

    /**
     * The built-in calendar, with year files from {@code overrideDirectory} adding years or
     * replacing built-in ones, so an operator can install next year's schedule without a rebuild.
     */
    public static ChinaCalendar withOverrides(Path overrideDirectory) {
        return new ChinaCalendar(YearScheduleLoader.builtInWithOverrides(overrideDirectory));
    }

    /** Years that have a data file (official or provisional), ascending. */
    public SortedSet<Integer> coveredYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(schedules.keySet()));
    }

    /** The schedule loaded for {@code year}, if any. */
    public Optional<YearSchedule> schedule(int year) {
        return Optional.ofNullable(schedules.get(year));
    }

    /** Data status of {@code year}. */
    public YearStatus statusOf(int year) {
        YearSchedule schedule = schedules.get(year);
        return schedule == null ? YearStatus.MISSING : schedule.status();
    }

    /**
     * Whether offices are open on {@code date}. For a year without data this uses the fallback
     * rules without telling you; call {@link #describe(LocalDate)} when the warning matters.
     */
    public boolean isWorkingDay(LocalDate date) {
        return describe(date).isWorkingDay();
    }

    /** Kind, holiday name, data origin and warnings for {@code date}. */
    public DayDescription describe(LocalDate date) {
        Objects.requireNonNull(date, "date");
        int year = date.getYear();
        YearSchedule own = schedules.get(year);
        Declared declared = specialDays.get(date);

        List<CalendarWarning> warnings = new ArrayList<>(2);
        if (own == null) {
            warnings.add(CalendarWarning.missingYear(year));
        } else if (own.status() == YearStatus.PROVISIONAL) {
            warnings.add(CalendarWarning.provisionalYear(year));
        }
        if (declared != null && declared.schedule().year() != year
                && declared.schedule().status() == YearStatus.PROVISIONAL) {
            warnings.add(CalendarWarning.provisionalYear(declared.schedule().year()));
        }

        if (declared != null) {
            YearSchedule from = declared.schedule();
            return new DayDescription(date, declared.day().kind(), Optional.of(declared.day().name()),
                    from.status(), from.origin(), warnings);
        }
        if (own != null) {
            return new DayDescription(date, isWeekend(date) ? DayKind.WEEKEND : DayKind.WORKDAY, Optional.empty(),
                    own.status(), own.origin(), warnings);
        }
        Optional<String> fixed = fixedDateHoliday(date);
        DayKind kind = fixed.isPresent() ? DayKind.HOLIDAY : isWeekend(date) ? DayKind.WEEKEND : DayKind.WORKDAY;
        return new DayDescription(date, kind, fixed, YearStatus.MISSING, FALLBACK_ORIGIN, warnings);
    }

    /**
     * Adds working time. Counting uses only time inside {@code hours} on open days; a start
     * outside business hours starts counting at the next opening. A zero amount returns the start.
     *
     * @throws IllegalArgumentException if {@code amount} is negative, or the deadline would lie
     *         more than {@link #SEARCH_HORIZON_DAYS} days after the start
     */
    public Deadline plusWorkingHours(ZonedDateTime start, Duration amount, BusinessHours hours) {
        return arithmetic.plusWorkingHours(start, amount, hours);
    }

    /** As {@link #plusWorkingHours(ZonedDateTime, Duration, BusinessHours)}, in whole hours. */
    public Deadline plusWorkingHours(ZonedDateTime start, long workingHours, BusinessHours hours) {
        if (workingHours < 0) {
            throw new IllegalArgumentException("Working hours to add must not be negative, got " + workingHours);
        }
        return arithmetic.plusWorkingHours(start, Duration.ofHours(workingHours), hours);
    }

    /** As {@link #plusWorkingHours(ZonedDateTime, Duration, BusinessHours)}, from an instant. */
    public Deadline plusWorkingHours(Instant start, Duration amount, BusinessHours hours) {
        return arithmetic.plusWorkingHours(atZone(start), amount, hours);
    }

    /**
     * Deadline for "within N working days" (N个工作日内).
     *
     * <p>The day of {@code start} is never counted, whatever the time of day (Civil Code art. 201:
     * 开始的当日不计入). Day 1 is the first open day after the start day, and the deadline is the
     * end of business (closing time of the last window) on day N. So a case filed at any time on
     * a Monday with N = 1 is due at closing time on Tuesday; a case filed on a Saturday with N = 1
     * is due at closing time on the following Monday, or on the next working day if Monday is a
     * holiday. With {@link BusinessHours#ROUND_THE_CLOCK} every calendar day is open and
     * business ends at 24:00, i.e. N = 1 from Monday is due at 00:00 on Wednesday.
     *
     * <p>N = 0 means "the same working day": the end of business on the start day if that is a
     * working day and it has not yet closed, otherwise the end of business on the next working day.
     *
     * @throws IllegalArgumentException if {@code days} is negative, or the deadline would lie
     *         more than {@link #SEARCH_HORIZON_DAYS} days after the start
     */
    public Deadline plusWorkingDays(ZonedDateTime start, int days, BusinessHours hours) {
        return arithmetic.plusWorkingDays(start, days, hours);
    }

    /** As {@link #plusWorkingDays(ZonedDateTime, int, BusinessHours)}, from an instant. */
    public Deadline plusWorkingDays(Instant start, int days, BusinessHours hours) {
        return arithmetic.plusWorkingDays(atZone(start), days, hours);
    }

    /**
     * Business time between two instants: the part of [start, end) that lies inside
     * {@code hours} on open days. Negative if {@code end} is before {@code start}, so
     * {@code workingTimeBetween(deadline, now)} is "overdue by" when positive.
     *
     * @throws IllegalArgumentException if the two are more than {@link #SEARCH_HORIZON_DAYS} days apart
     */
    public WorkingDuration workingTimeBetween(ZonedDateTime start, ZonedDateTime end, BusinessHours hours) {
        return arithmetic.workingTimeBetween(start, end, hours);
    }

    /** As {@link #workingTimeBetween(ZonedDateTime, ZonedDateTime, BusinessHours)}, for instants. */
    public WorkingDuration workingTimeBetween(Instant start, Instant end, BusinessHours hours) {
        return arithmetic.workingTimeBetween(atZone(start), atZone(end), hours);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ChinaCalendar[");
        schedules.values().forEach(s -> sb.append(s.year()).append('=').append(s.status()).append(' '));
        return sb.toString().strip() + "]";
    }

    private static ZonedDateTime atZone(Instant instant) {
        return Objects.requireNonNull(instant, "instant").atZone(ZONE);
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    /**
     * Holidays whose date is fixed by the 全国年节及纪念日放假办法 and so can be applied without a
     * notice. May 2 became statutory with the 2024 amendment (in force 2025). Lunar holidays and
     * the adjusted weekends cannot be known without the notice, hence the warning.
     */
    private static Optional<String> fixedDateHoliday(LocalDate date) {
        Month month = date.getMonth();
        int day = date.getDayOfMonth();
        if (month == Month.JANUARY && day == 1) {
            return Optional.of("元旦 New Year's Day");
        }
        if (month == Month.MAY && (day == 1 || (day == 2 && date.getYear() >= 2025))) {
            return Optional.of("劳动节 Labour Day");
        }
        if (month == Month.OCTOBER && day <= 3) {
            return Optional.of("国庆节 National Day");
        }
        return Optional.empty();
    }

    private static CalendarDataException contradiction(SpecialDay day, YearSchedule schedule, Declared other) {
        return new CalendarDataException(schedule.origin(), 0, day.date() + " is " + day.kind() + " here but "
                + other.day().kind() + " in " + other.schedule().origin());
    }
}
