package cn.huiyin.platform.calendar;

import java.util.Objects;

/**
 * Travels with an answer that depends on holiday data we do not fully trust, so that a deadline
 * computed from a guess is never shown as if it were certain.
 *
 * @param kind why the answer is uncertain
 * @param year the calendar year whose data is missing or provisional
 * @param message bilingual message (Chinese, then English) suitable for showing to staff
 */
public record CalendarWarning(Kind kind, int year, String message) {

    /** Why an answer is uncertain. */
    public enum Kind {
        /** No data file for the year: only weekends and fixed-date holidays were applied. */
        MISSING_YEAR,
        /** The year file is an estimate awaiting the State Council notice. */
        PROVISIONAL_YEAR
    }

    public CalendarWarning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** Warning for a year with no data file. */
    public static CalendarWarning missingYear(int year) {
        return new CalendarWarning(Kind.MISSING_YEAR, year,
                year + "年节假日安排未收录，仅按周末和固定日期节日（元旦、劳动节、国庆节）推算，期限可能不准确。"
                        + " / No holiday schedule is loaded for " + year
                        + ": only weekends and fixed-date holidays (New Year's Day, Labour Day, National Day)"
                        + " were applied, so this result may be wrong.");
    }

    /** Warning for a year whose file is marked {@code status: provisional}. */
    public static CalendarWarning provisionalYear(int year) {
        return new CalendarWarning(Kind.PROVISIONAL_YEAR, year,
                year + "年节假日安排为暂定，须以国务院办公厅正式通知为准。"
                        + " / The " + year + " holiday schedule is provisional and must be replaced by"
                        + " the State Council notice; this result may change.");
    }
}
