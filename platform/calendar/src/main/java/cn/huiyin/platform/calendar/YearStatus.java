package cn.huiyin.platform.calendar;

/** How trustworthy the holiday data for one year is. */
public enum YearStatus {

    /** Transcribed from the published State Council notice. */
    OFFICIAL,

    /** Estimated from the usual pattern before the notice is published; answers carry a warning. */
    PROVISIONAL,

    /** No data file for the year; only weekends and fixed-date holidays are applied, and answers carry a warning. */
    MISSING
}
