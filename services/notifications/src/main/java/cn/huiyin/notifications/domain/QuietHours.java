package cn.huiyin.notifications.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import cn.huiyin.platform.calendar.BusinessHours;
import cn.huiyin.platform.calendar.ChinaCalendar;

/**
 * When a message may reach its recipient (免打扰): staff only in working time on the platform calendar (working days,
 * office hours; no escalation mail at midnight or on a holiday), workers between 08:00 and 21:00 Beijing time on any
 * day. An urgent message goes at once.
 */
public final class QuietHours {

    static final LocalTime WORKER_FROM = LocalTime.of(8, 0);
    static final LocalTime WORKER_UNTIL = LocalTime.of(21, 0);

    private final ChinaCalendar calendar;
    private final BusinessHours officeHours;

    public QuietHours(ChinaCalendar calendar, BusinessHours officeHours) {
        this.calendar = calendar;
        this.officeHours = officeHours;
    }

    /** The earliest instant at or after {@code at} at which a message to {@code audience} may be sent. */
    public Instant earliestAllowed(Instant at, Audience audience, boolean urgent) {
        if (urgent) {
            return at;
        }
        ZonedDateTime local = at.atZone(ChinaCalendar.ZONE);
        return audience == Audience.WORKER ? workerHours(local) : officeHours(local);
    }

    private static Instant workerHours(ZonedDateTime local) {
        LocalTime time = local.toLocalTime();
        if (time.isBefore(WORKER_FROM)) {
            return local.toLocalDate().atTime(WORKER_FROM).atZone(ChinaCalendar.ZONE).toInstant();
        }
        if (!time.isBefore(WORKER_UNTIL)) {
            return local.toLocalDate().plusDays(1).atTime(WORKER_FROM).atZone(ChinaCalendar.ZONE).toInstant();
        }
        return local.toInstant();
    }

    private Instant officeHours(ZonedDateTime local) {
        LocalDate day = local.toLocalDate();
        for (int i = 0; i <= ChinaCalendar.SEARCH_HORIZON_DAYS; i++, day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            for (BusinessHours.Window window : officeHours.windows()) {
                ZonedDateTime opens = day.atTime(window.opens()).atZone(ChinaCalendar.ZONE);
                ZonedDateTime closes = window.closes().equals(LocalTime.MIDNIGHT)
                    ? day.plusDays(1).atStartOfDay(ChinaCalendar.ZONE) : day.atTime(window.closes()).atZone(ChinaCalendar.ZONE);
                if (local.isBefore(opens)) {
                    return opens.toInstant();
                }
                if (local.isBefore(closes)) {
                    return local.toInstant();
                }
            }
        }
        throw new IllegalStateException("No working time within " + ChinaCalendar.SEARCH_HORIZON_DAYS + " days of " + local);
    }
}
