package cn.huiyin.platform.calendar;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A computed deadline together with the reasons it might be wrong.
 *
 * @param at the deadline, always in {@link ChinaCalendar#ZONE}
 * @param warnings one entry per missing or provisional year the computation relied on; empty when
 *        every day consulted came from an official schedule (or the hours ignore the calendar)
 */
public record Deadline(ZonedDateTime at, List<CalendarWarning> warnings) {

    public Deadline {
        Objects.requireNonNull(at, "at");
        at = at.withZoneSameInstant(ChinaCalendar.ZONE);
        warnings = List.copyOf(warnings);
    }

    public Instant instant() {
        return at.toInstant();
    }

    public boolean hasWarnings() {
        return !warnings.isEmpty();
    }
}
