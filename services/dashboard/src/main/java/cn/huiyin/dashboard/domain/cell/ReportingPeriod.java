package cn.huiyin.dashboard.domain.cell;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period figures are asked for, in Beijing dates, inclusive: a day {@code 2026-11-20}, an ISO week {@code 2026-W47},
 * a month {@code 2026-11}, a quarter {@code 2026-Q4}, a year {@code 2026}, or any range of days. It is read from the
 * cells as whole months where it covers them and days elsewhere, so a year is 12 cells, a week 7.
 */
public record ReportingPeriod(Kind kind, LocalDate from, LocalDate to) {

    public enum Kind { DAY, WEEK, MONTH, QUARTER, YEAR, RANGE }

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public ReportingPeriod {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("A period cannot end before it starts: " + from + " > " + to);
        }
    }

    /** The period a text names, or empty if it names none. */
    public static Optional<ReportingPeriod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        try {
            if (DAY.matcher(value).matches()) {
                LocalDate day = LocalDate.parse(value);
                return Optional.of(new ReportingPeriod(Kind.DAY, day, day));
            }
            if (MONTH.matcher(value).matches()) {
                return Optional.of(month(YearMonth.parse(value)));
            }
            Matcher week = WEEK.matcher(value);
            if (week.matches()) {
                int number = Integer.parseInt(week.group(2));
                LocalDate monday = LocalDate.of(Integer.parseInt(week.group(1)), 1, 4)
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                if (number < 1 || number > 53 || monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != number) {
                    return Optional.empty();
                }
                return Optional.of(new ReportingPeriod(Kind.WEEK, monday, monday.plusDays(6)));
            }
            Matcher quarter = QUARTER.matcher(value);
            if (quarter.matches()) {
                YearMonth first = YearMonth.of(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)) * 3 - 2);
                return Optional.of(new ReportingPeriod(Kind.QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth()));
            }
            if (YEAR.matcher(value).matches()) {
                int year = Integer.parseInt(value);
                return Optional.of(new ReportingPeriod(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public static ReportingPeriod month(YearMonth month) {
        return new ReportingPeriod(Kind.MONTH, month.atDay(1), month.atEndOfMonth());
    }

    public static ReportingPeriod range(LocalDate from, LocalDate to) {
        return new ReportingPeriod(Kind.RANGE, from, to);
    }

    /** How it is written in a request: {@code 2026-11}, {@code 2026-W47}, … or {@code from..to}. */
    public String label() {
        return switch (kind) {
            case DAY -> from.toString();
            case WEEK -> from.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> YearMonth.from(from).toString();
            case QUARTER -> from.getYear() + "-Q" + from.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> Integer.toString(from.getYear());
            case RANGE -> from + ".." + to;
        };
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** The cell periods that make up this period: whole months as {@code M…}, the other days as {@code D…}. */
    public List<String> cellPeriods() {
        List<String> periods = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            YearMonth month = YearMonth.from(day);
            if (day.getDayOfMonth() == 1 && !month.atEndOfMonth().isAfter(to)) {
                periods.add(Grain.MONTH.key(day));
                day = month.plusMonths(1).atDay(1);
            } else {
                periods.add(Grain.DAY.key(day));
                day = day.plusDays(1);
            }
        }
        return periods;
    }

    /** The days, weeks or months this period divides into (a trend), each clipped to this period. */
    public List<ReportingPeriod> split(Kind by) {
        List<ReportingPeriod> parts = new ArrayList<>();
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate end = switch (by) {
                case DAY -> start;
                case WEEK -> start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                case MONTH -> YearMonth.from(start).atEndOfMonth();
                default -> throw new IllegalArgumentException("A period splits into days, weeks or months, not " + by);
            };
            LocalDate clipped = end.isAfter(to) ? to : end;
            boolean whole = switch (by) {
                case DAY -> true;
                case WEEK -> start.getDayOfWeek() == DayOfWeek.MONDAY && clipped.equals(end);
                default -> start.getDayOfMonth() == 1 && clipped.equals(end);
            };
            parts.add(new ReportingPeriod(whole ? by : Kind.RANGE, start, clipped));
            start = clipped.plusDays(1);
        }
        return parts;
    }

    /** The same kind of period just before this one (the month before a month, …). */
    public ReportingPeriod previous() {
        return switch (kind) {
            case DAY -> new ReportingPeriod(kind, from.minusDays(1), to.minusDays(1));
            case WEEK -> new ReportingPeriod(kind, from.minusWeeks(1), to.minusWeeks(1));
            case MONTH -> month(YearMonth.from(from).minusMonths(1));
            case QUARTER -> new ReportingPeriod(kind, from.minusMonths(3), YearMonth.from(from).minusMonths(1).atEndOfMonth());
            case YEAR -> new ReportingPeriod(kind, from.minusYears(1), to.minusYears(1));
            case RANGE -> {
                long days = to.toEpochDay() - from.toEpochDay() + 1;
                yield range(from.minusDays(days), from.minusDays(1));
            }
        };
    }
}
