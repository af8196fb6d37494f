package cn.huiyin.platform.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One date that a year file marks as different from the plain weekday/weekend rule.
 *
 * @param date the date
 * @param kind {@link DayKind#HOLIDAY} or {@link DayKind#ADJUSTED_WORKDAY}
 * @param name bilingual name, Chinese first, e.g. "春节 Spring Festival"
 */
public record SpecialDay(LocalDate date, DayKind kind, String name) {

    public SpecialDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (kind != DayKind.HOLIDAY && kind != DayKind.ADJUSTED_WORKDAY) {
            throw new IllegalArgumentException("A special day is either HOLIDAY or ADJUSTED_WORKDAY, not " + kind);
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("A special day needs a name: " + date);
        }
    }
}
