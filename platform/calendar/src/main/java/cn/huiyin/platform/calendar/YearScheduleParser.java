package cn.huiyin.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one year file. The format is described in the module README; in short:
 *
 * <pre>
 * # comment
 * status: official                       (or: provisional)
 * source: 国办发明电〔2024〕12号
 * holiday 2025-01-28..2025-02-04 春节 Spring Festival
 * workday 2025-01-26 春节调休 Spring Festival adjusted working day
 * </pre>
 *
 * Parsing is strict on purpose: every problem is reported with the file and line, because a
 * silently skipped line would move statutory deadlines.
 */
final class YearScheduleParser {

    /** Longer than any real block (the longest so far is 9 days); catches a mistyped end date. */
    static final int MAX_BLOCK_DAYS = 31;

    private static final Pattern HEADER = Pattern.compile("([A-Za-z_-]+)\\s*:\\s*(.*)");
    private static final Pattern ENTRY = Pattern.compile("(\\S+)\\s+(\\S+)(?:\\s+(.*))?");

    private YearScheduleParser() {
    }

    static YearSchedule parse(int year, String origin, List<String> lines) {
        YearStatus status = null;
        String source = null;
        TreeMap<LocalDate, SpecialDay> days = new TreeMap<>();
        Map<LocalDate, Integer> definedOnLine = new HashMap<>();
        LocalDate first = LocalDate.of(year - 1, 12, 1);
        LocalDate last = LocalDate.of(year, 12, 31);

        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip(); // BOM left by Windows editors
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String firstWord = line.split("\\s+", 2)[0];
            if (firstWord.equals("holiday") || firstWord.equals("workday")) {
                Matcher entry = ENTRY.matcher(line);
                if (!entry.matches()) {
                    throw new CalendarDataException(origin, lineNo, "expected '" + firstWord + " <date>[..<date>] <name>'");
                }
                DayKind kind = firstWord.equals("holiday") ? DayKind.HOLIDAY : DayKind.ADJUSTED_WORKDAY;
                String name = entry.group(3) == null ? "" : entry.group(3).strip();
                if (name.isEmpty()) {
                    throw new CalendarDataException(origin, lineNo,
                            "missing name after the date, e.g. '" + firstWord + " " + entry.group(2) + " 春节 Spring Festival'");
                }
                for (LocalDate date : parseRange(entry.group(2), origin, lineNo)) {
                    if (date.isBefore(first) || date.isAfter(last)) {
                        throw new CalendarDataException(origin, lineNo, date + " is outside the dates a " + year
                                + " file may contain (" + first + ".." + last + ")");
                    }
                    if (kind == DayKind.ADJUSTED_WORKDAY && !isWeekend(date)) {
                        throw new CalendarDataException(origin, lineNo, "workday " + date + " is a " + date.getDayOfWeek()
                                + ", which is a working day anyway; adjusted working days fall on a Saturday or Sunday");
                    }
                    Integer previous = definedOnLine.putIfAbsent(date, lineNo);
                    if (previous != null) {
                        throw new CalendarDataException(origin, lineNo, date + " is already defined on line " + previous);
                    }
                    days.put(date, new SpecialDay(date, kind, name));
                }
                continue;
            }
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                String key = header.group(1).toLowerCase();
                String value = header.group(2).strip();
                switch (key) {
                    case "status" -> {
                        if (status != null) {
                            throw new CalendarDataException(origin, lineNo, "'status' given twice");
                        }
                        status = switch (value.toLowerCase()) {
                            case "official" -> YearStatus.OFFICIAL;
                            case "provisional" -> YearStatus.PROVISIONAL;
                            default -> throw new CalendarDataException(origin, lineNo,
                                    "status must be 'official' or 'provisional', not '" + value + "'");
                        };
                    }
                    case "source" -> {
                        if (source != null) {
                            throw new CalendarDataException(origin, lineNo, "'source' given twice");
                        }
                        source = value;
                    }
                    default -> throw new CalendarDataException(origin, lineNo,
                            "unknown header '" + header.group(1) + "' (expected 'status' or 'source')");
                }
                continue;
            }
            throw new CalendarDataException(origin, lineNo, "unrecognised line '" + line
                    + "' (expected a comment, 'status:', 'source:', 'holiday ...' or 'workday ...')");
        }

        if (status == null) {
            throw new CalendarDataException(origin, 0, "no 'status: official' or 'status: provisional' line");
        }
        if (days.values().stream().noneMatch(d -> d.kind() == DayKind.HOLIDAY)) {
            throw new CalendarDataException(origin, 0, "no 'holiday' lines; is the file truncated?");
        }
        return new YearSchedule(year, status, source == null ? "" : source, origin, days);
    }

    private static List<LocalDate> parseRange(String text, String origin, int lineNo) {
        int dots = text.indexOf("..");
        LocalDate from = parseDate(dots < 0 ? text : text.substring(0, dots), origin, lineNo);
        LocalDate to = dots < 0 ? from : parseDate(text.substring(dots + 2), origin, lineNo);
        if (to.isBefore(from)) {
            throw new CalendarDataException(origin, lineNo, "range " + text + " ends before it starts");
        }
        long length = ChronoUnit.DAYS.between(from, to) + 1;
        if (length > MAX_BLOCK_DAYS) {
            throw new CalendarDataException(origin, lineNo, "range " + text + " is " + length
                    + " days long; no holiday block is longer than " + MAX_BLOCK_DAYS + " days");
        }
        return from.datesUntil(to.plusDays(1)).toList();
    }

    private static LocalDate parseDate(String text, String origin, int lineNo) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CalendarDataException(origin, lineNo, "'" + text + "' is not a date in the form yyyy-MM-dd", e);
        }
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}
