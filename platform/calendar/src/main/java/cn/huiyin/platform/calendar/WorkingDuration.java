package cn.huiyin.platform.calendar;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Business time between two instants, with the reasons it might be wrong.
 *
 * @param duration business time elapsed; negative when the end is before the start, so that
 *        {@code workingTimeBetween(deadline, now)} reads as "overdue by" when positive and
 *        "time remaining" when negative
 * @param warnings one entry per missing or provisional year the computation relied on
 */
public record WorkingDuration(Duration duration, List<CalendarWarning> warnings) {

    public WorkingDuration {
        Objects.requireNonNull(duration, "duration");
        warnings = List.copyOf(warnings);
    }

    public boolean hasWarnings() {
        return !warnings.isEmpty();
    }
}
