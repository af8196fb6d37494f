package cn.huiyin.platform.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The holiday arrangement for one year, as read from one year file.
 *
 * <p>A notice for year Y may start a New Year block in late December of Y-1 (the 2023 notice did),
 * so dates from 1 December of Y-1 to 31 December of Y are accepted; see {@link #firstAllowedDate()}.
 *
 * @param year the year the notice is for (the file name)
 * @param status {@link YearStatus#OFFICIAL} or {@link YearStatus#PROVISIONAL}
 * @param source the notice the data was transcribed from, e.g. "国办发明电〔2024〕12号"; may be empty
 * @param origin where the data was loaded from, for error messages and {@link DayDescription#origin()}
 * @param days the special days, keyed by date
 */
public record YearSchedule(int year, YearStatus status, String source, String origin, SortedMap<LocalDate, SpecialDay> days) {

    public YearSchedule {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(days, "days");
        if (status == YearStatus.MISSING) {
            throw new IllegalArgumentException("A loaded year cannot have status MISSING: " + origin);
        }
        LocalDate first = LocalDate.of(year - 1, 12, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        for (Map.Entry<LocalDate, SpecialDay> e : days.entrySet()) {
            if (!e.getKey().equals(e.getValue().date())) {
                throw new IllegalArgumentException("Key " + e.getKey() + " does not match " + e.getValue());
            }
            if (e.getKey().isBefore(first) || e.getKey().isAfter(last)) {
                throw new IllegalArgumentException(origin + ": " + e.getKey() + " lies outside " + first + ".." + last);
            }
        }
        days = Collections.unmodifiableSortedMap(new TreeMap<>(days));
    }

    /** Earliest date a file for this year may mention (New Year blocks can start in December of the year before). */
    public LocalDate firstAllowedDate() {
        return LocalDate.of(year - 1, 12, 1);
    }

    /** Latest date a file for this year may mention. */
    public LocalDate lastAllowedDate() {
        return LocalDate.of(year, 12, 31);
    }

    /** The special day on {@code date}, if this file mentions it. */
    public Optional<SpecialDay> lookup(LocalDate date) {
        return Optional.ofNullable(days.get(date));
    }
}
