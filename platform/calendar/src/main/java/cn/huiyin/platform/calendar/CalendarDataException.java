package cn.huiyin.platform.calendar;

/**
 * A holiday data file is unusable. Thrown at load time so that a typo in a year file stops the
 * application from starting instead of silently moving deadlines.
 */
public class CalendarDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String origin;
    private final int line;

    /**
     * @param origin the file, e.g. {@code classpath:cn/huiyin/platform/calendar/cn/2026.txt} or an absolute path
     * @param line 1-based line number, or 0 when the problem concerns the file as a whole
     * @param problem what is wrong, in words an operator can act on
     */
    public CalendarDataException(String origin, int line, String problem) {
        this(origin, line, problem, null);
    }

    public CalendarDataException(String origin, int line, String problem, Throwable cause) {
        super(line > 0 ? origin + ":" + line + ": " + problem : origin + ": " + problem, cause);
        this.origin = origin;
        this.line = line;
    }

    /** The offending file. */
    public String origin() {
        return origin;
    }

    /** 1-based line number, or 0 when the problem is not tied to one line. */
    public int line() {
        return line;
    }
}
