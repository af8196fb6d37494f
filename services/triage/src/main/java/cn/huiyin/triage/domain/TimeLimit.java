package cn.huiyin.triage.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import cn.huiyin.platform.calendar.BusinessHours;
import cn.huiyin.platform.calendar.ChinaCalendar;
import cn.huiyin.platform.calendar.Deadline;

/**
 * A time limit of the deadline policy, e.g. "2 hours round the clock" or "7 working days".
 *
 * @param amount how many units
 */
public record TimeLimit(int amount, Unit unit) {

    /** How the limit is counted on the platform calendar. */
    public enum Unit {
        /** Every hour of every day, holidays included: emergencies do not stop for the Spring Festival. */
        CLOCK_HOURS("小时（全天候）", "hours round the clock"),
        /** Whole hours of working days only (00:00–24:00 of each working day): "24 h" that skip weekends and
         *  holidays and count adjusted working weekends (调休). */
        WORKING_DAY_HOURS("小时（工作日）", "hours of working days"),
        /** Office hours only (e.g. 09:00–12:00, 13:30–17:30 on working days). */
        OFFICE_HOURS("个办公小时", "office hours"),
        /** "N个工作日内": the filing day does not count; due at close of business on the N-th working day. */
        WORKING_DAYS("个工作日", "working days");

        private final String nameZh;
        private final String nameEn;

        Unit(String nameZh, String nameEn) {
            this.nameZh = nameZh;
            this.nameEn = nameEn;
        }
    }

    private static final BusinessHours WHOLE_WORKING_DAYS = BusinessHours.parse("00:00-24:00");

    public TimeLimit {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("A time limit must not be negative: " + amount);
        }
    }

    /** The deadline for a clock that started at {@code start}; calendar warnings travel with it. */
    public Deadline from(Instant start, ChinaCalendar calendar, BusinessHours officeHours) {
        return switch (unit) {
            case CLOCK_HOURS -> calendar.plusWorkingHours(start, Duration.ofHours(amount), BusinessHours.ROUND_THE_CLOCK);
            case WORKING_DAY_HOURS -> calendar.plusWorkingHours(start, Duration.ofHours(amount), WHOLE_WORKING_DAYS);
            case OFFICE_HOURS -> calendar.plusWorkingHours(start, Duration.ofHours(amount), officeHours);
            case WORKING_DAYS -> calendar.plusWorkingDays(start, amount, officeHours);
        };
    }

    public String describeZh() {
        return amount + unit.nameZh;
    }

    public String describeEn() {
        return amount + " " + unit.nameEn;
    }
}
