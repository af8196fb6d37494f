package cn.huiyin.followup.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import cn.huiyin.followup.domain.clock.Limit;
import cn.huiyin.followup.domain.clock.LimitKind;
import cn.huiyin.followup.domain.clock.WorkingTime;
import cn.huiyin.platform.calendar.ChinaCalendar;

/** What the domain tests share: the platform calendar, Beijing time, and a limit worked out by hand. */
public final class Fixtures {

    public static final WorkingTime TIME = new WorkingTime(ChinaCalendar.builtIn());

    /** Wednesday 2 December 2026 10:00 to Friday 4 December 17:30: 6 + 7 + 7 = 20 office hours. */
    public static final Limit WED_TO_FRI = Limit.until("RESOLUTION-1", LimitKind.RESOLUTION,
        beijing(2026, 12, 2, 10, 0), beijing(2026, 12, 4, 17, 30), WorkingTime.OFFICE_HOURS, TIME);

    private Fixtures() {
    }

    public static Instant beijing(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }
}
