package cn.huiyin.triage.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import cn.huiyin.platform.calendar.CalendarWarning;

/**
 * A case's two deadlines, counted from submission on the platform calendar.
 *
 * @param responseDueAt   sign-for and first contact with the worker (签收并首次联系)
 * @param resolutionDueAt resolution (办结)
 * @param policy          the row(s) of the deadline policy that applied
 * @param warnings        the calendar's doubts, e.g. a deadline in a year whose holidays are still provisional
 * @param businessHours   the hours office-hour limits were counted in and working days end with: those of the
 *                        organisation leading the case (null in cases stored before they were used)
 */
public record Deadlines(Instant responseDueAt, Instant resolutionDueAt, TimeLimit respond, TimeLimit resolve,
                        String policy, List<Warning> warnings, String businessHours) {

    public Deadlines {
        Objects.requireNonNull(responseDueAt, "responseDueAt");
        Objects.requireNonNull(resolutionDueAt, "resolutionDueAt");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A calendar warning as a case keeps it (the kind, the year, a bilingual message for staff). */
    public record Warning(String kind, int year, String message) {
        static Warning of(CalendarWarning warning) {
            return new Warning(warning.kind().name(), warning.year(), warning.message());
        }
    }

    public String describeZh() {
        return "响应（签收并首次联系）" + respond.describeZh() + "内，办结" + resolve.describeZh() + "内";
    }

    public String describeEn() {
        return "respond (sign for and contact the worker) within " + respond.describeEn() + ", resolve within "
            + resolve.describeEn();
    }
}
