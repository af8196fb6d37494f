package cn.huiyin.intake.open311;

/**
 * What the Open311 endpoints accept as text: no control characters (tab and line breaks only where several lines
 * are allowed) and no broken Unicode. The same rule the JSON API applies (ADR 0009); emoji and rare characters such
 * as 𠮷 are fine.
 */
final class Texts {

    private Texts() {
    }

    static boolean isSafe(String value, boolean multiline) {
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

    /** Characters as a person counts them (an emoji is one), as JSON Schema's maxLength counts them. */
    static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
