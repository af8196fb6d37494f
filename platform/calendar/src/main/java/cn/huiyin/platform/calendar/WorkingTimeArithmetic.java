package cn.huiyin.platform.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The deadline arithmetic behind {@link ChinaCalendar}; see there for the semantics.
 *
 * <p>Works on local date-times in Asia/Shanghai, which has had no daylight saving since 1991, so
 * wall-clock arithmetic equals elapsed-time arithmetic. The calendar is consulted only for days
 * that actually contribute business time (or are candidates for it), so warnings name exactly the
 * years an answer depends on.
 */
final class WorkingTimeArithmetic {

    private final ChinaCalendar calendar;

    WorkingTimeArithmetic(ChinaCalendar calendar) {
        this.calendar = calendar;
    }

    Deadline plusWorkingHours(ZonedDateTime start, Duration amount, BusinessHours hours) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(hours, "hours");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Working time to add must not be negative, got " + amount);
        }
        LocalDateTime from = local(start);
        if (amount.isZero()) {
            return new Deadline(start, List.of());
        }
        Set<CalendarWarning> warnings = new LinkedHashSet<>();
        Duration remaining = amount;
        LocalDate day = from.toLocalDate();
        for (int i = 0; i <= ChinaCalendar.SEARCH_HORIZON_DAYS; i++, day = day.plusDays(1)) {
            if (!hours.endOfBusiness(day).isAfter(from) || !isOpen(day, hours, warnings)) {
                continue;
            }
            for (BusinessHours.Window window : hours.windows()) {
                LocalDateTime opens = max(from, window.opensOn(day));
                LocalDateTime closes = window.closesOn(day);
                if (!closes.isAfter(opens)) {
                    continue;
                }
                Duration available = Duration.between(opens, closes);
                if (remaining.compareTo(available) <= 0) {
                    return deadline(opens.plus(remaining), warnings);
                }
                remaining = remaining.minus(available);
            }
        }
        throw beyondHorizon(start, amount + " of working time");
    }

    Deadline plusWorkingDays(ZonedDateTime start, int days, BusinessHours hours) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(hours, "hours");
        if (days < 0) {
            throw new IllegalArgumentException("Working days to add must not be negative, got " + days);
        }
        LocalDateTime from = local(start);
        Set<CalendarWarning> warnings = new LinkedHashSet<>();
        if (days == 0) {
            LocalDate day = from.toLocalDate();
            for (int i = 0; i <= ChinaCalendar.SEARCH_HORIZON_DAYS; i++, day = day.plusDays(1)) {
                if (hours.endOfBusiness(day).isAfter(from) && isOpen(day, hours, warnings)) {
                    return deadline(hours.endOfBusiness(day), warnings);
                }
            }
            throw beyondHorizon(start, "the same working day");
        }
        int counted = 0;
        LocalDate day = from.toLocalDate();
        for (int i = 0; i < ChinaCalendar.SEARCH_HORIZON_DAYS; i++) {
            day = day.plusDays(1);
            if (isOpen(day, hours, warnings) && ++counted == days) {
                return deadline(hours.endOfBusiness(day), warnings);
            }
        }
        throw beyondHorizon(start, days + " working days");
    }

    WorkingDuration workingTimeBetween(ZonedDateTime start, ZonedDateTime end, BusinessHours hours) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(hours, "hours");
        LocalDateTime a = local(start);
        LocalDateTime b = local(end);
        if (b.isBefore(a)) {
            WorkingDuration forward = forward(b, a, hours);
            return new WorkingDuration(forward.duration().negated(), forward.warnings());
        }
        return forward(a, b, hours);
    }

    private WorkingDuration forward(LocalDateTime a, LocalDateTime b, BusinessHours hours) {
        long span = ChronoUnit.DAYS.between(a.toLocalDate(), b.toLocalDate());
        if (span > ChinaCalendar.SEARCH_HORIZON_DAYS) {
            throw new IllegalArgumentException("Refusing to measure working time over " + span + " days ("
                    + a + " to " + b + "); the limit is " + ChinaCalendar.SEARCH_HORIZON_DAYS + " days");
        }
        Set<CalendarWarning> warnings = new LinkedHashSet<>();
        Duration total = Duration.ZERO;
        for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
            Duration overlap = Duration.ZERO;
            for (BusinessHours.Window window : hours.windows()) {
                LocalDateTime opens = max(a, window.opensOn(day));
                LocalDateTime closes = min(b, window.closesOn(day));
                if (closes.isAfter(opens)) {
                    overlap = overlap.plus(Duration.between(opens, closes));
                }
            }
            if (!overlap.isZero() && isOpen(day, hours, warnings)) {
                total = total.plus(overlap);
            }
        }
        return new WorkingDuration(total, List.copyOf(warnings));
    }

    private boolean isOpen(LocalDate day, BusinessHours hours, Set<CalendarWarning> warnings) {
        if (hours.days() == BusinessHours.Days.EVERY_DAY) {
            return true; // round-the-clock service ignores the holiday calendar, so nothing to warn about
        }
        DayDescription description = calendar.describe(day);
        warnings.addAll(description.warnings());
        return description.isWorkingDay();
    }

    private static Deadline deadline(LocalDateTime at, Set<CalendarWarning> warnings) {
        return new Deadline(at.atZone(ChinaCalendar.ZONE), List.copyOf(warnings));
    }

    private static IllegalArgumentException beyondHorizon(ZonedDateTime start, String what) {
        return new IllegalArgumentException("No deadline for " + what + " from " + start + " within "
                + ChinaCalendar.SEARCH_HORIZON_DAYS + " calendar days (about ten years); the amount is implausible");
    }

    private static LocalDateTime local(ZonedDateTime t) {
        return t.withZoneSameInstant(ChinaCalendar.ZONE).toLocalDateTime();
    }

    private static LocalDateTime max(LocalDateTime x, LocalDateTime y) {
        return x.isAfter(y) ? x : y;
    }

    private static LocalDateTime min(LocalDateTime x, LocalDateTime y) {
        return x.isBefore(y) ? x : y;
    }
}
