package cn.huiyin.platform.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the calendar knows about one date, and how sure it is.
 *
 * @param date the date described
 * @param kind working day, weekend, holiday or adjusted working day
 * @param name holiday name (Chinese, then English) for {@link DayKind#HOLIDAY} and
 *        {@link DayKind#ADJUSTED_WORKDAY}; empty for plain weekdays and weekends
 * @param status how trustworthy the data that decided this answer is
 * @param origin the year file that decided this answer, or a note that the built-in fallback rules did
 * @param warnings non-empty when the date's year is missing or provisional
 */
public record DayDescription(LocalDate date, DayKind kind, Optional<String> name, YearStatus status, String origin,
                             List<CalendarWarning> warnings) {

    public DayDescription {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(origin, "origin");
        warnings = List.copyOf(warnings);
    }

    public boolean isWorkingDay() {
        return kind.isWorkingDay();
    }

    public boolean hasWarnings() {
        return !warnings.isEmpty();
    }
}
