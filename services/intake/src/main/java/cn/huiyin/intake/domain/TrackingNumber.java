package cn.huiyin.intake.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The number a worker leaves with, readable over the phone: {@code HY-20261122-000123} is the 123rd grievance of
 * 22 November 2026 (Beijing time). It is also the grievance's id everywhere in Huiyin.
 */
public record TrackingNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("HY-\\d{8}-\\d{6}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    public TrackingNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a tracking number: " + value);
        }
    }

    public static TrackingNumber of(LocalDate day, long sequence) {
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("Sequence out of range: " + sequence);
        }
        return new TrackingNumber("HY-" + DAY.format(day) + "-" + String.format("%06d", sequence));
    }

    public static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
