package cn.huiyin.platform.kernel;

/**
 * What Huiyin accepts as text from outside: no control characters (tab, and line breaks where several lines are
 * allowed), no broken UTF-16 (a lone surrogate) and no Unicode noncharacters. Emoji and rare characters such as 𠮷
 * are fine. One rule for every way in (JSON API, Open311 forms).
 */
public final class SafeText {

    private SafeText() {
    }

    public static boolean isSafe(String value, boolean multiline) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                return false;
            } else if (c == '\n' || c == '\r' || c == '\t') {
                if (!multiline && c != '\t') {
                    return false;
                }
            } else if (Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    /** Characters as a person counts them (an emoji is one), as JSON Schema's {@code maxLength} counts them. */
    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
