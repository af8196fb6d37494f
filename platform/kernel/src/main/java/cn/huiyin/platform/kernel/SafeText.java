package cn.huiyin.platform.kernel;

import java.text.Normalizer;
import java.util.Optional;

/**
 * What Huiyin accepts as text from outside, one rule for every way in (JSON API, Open311 forms):
 * <ul>
 *   <li>normalised to NFC, so the same name typed on two phones is stored as the same characters;</li>
 *   <li>no control characters (tab, and line breaks where several lines are allowed), no broken UTF-16 (a lone
 *       surrogate) and no Unicode noncharacters;</li>
 *   <li>not made only of invisible characters (zero-width spaces and joiners, Hangul fillers, a braille blank…): such
 *       text looks empty on every screen but would be stored and routed as if something had been said;</li>
 *   <li>in single-line fields (names, stations, addresses, references), no bidirectional controls (U+202A–202E,
 *       U+2066–2069, the LRM, RLM and ALM marks): they make text display in another order than it is stored, e.g. a
 *       name that reads differently to the clerk and to the database.</li>
 * </ul>
 * Chinese, emoji (including ZWJ sequences) and rare characters such as 𠮷 are fine.
 */
public final class SafeText {

    /** Why a text is refused; the code is the field error's code. */
    public enum Problem {
        /** Control characters, a line break in a single-line field, broken Unicode. */
        CHARACTERS("text.characters", "含有不允许的字符（控制字符、换行或无效的 Unicode 编码）",
            "contains characters that are not allowed (control characters, line breaks or broken Unicode)"),
        /** Nothing visible: only zero-width or other invisible characters. */
        INVISIBLE("text.invisible", "只含不可见字符，请填写实际内容", "contains only invisible characters"),
        /** Bidirectional controls in a single-line field. */
        BIDI("text.bidi", "含有改变文字显示方向的控制字符", "contains bidirectional control characters");

        private final String code;
        private final String zh;
        private final String en;

        Problem(String code, String zh, String en) {
            this.code = code;
            this.zh = zh;
            this.en = en;
        }

        public String code() {
            return code;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }
    }

    private SafeText() {
    }

    /** NFC, as stored. */
    public static String normalise(String value) {
        return value == null || Normalizer.isNormalized(value, Normalizer.Form.NFC) ? value
            : Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    /** The first reason to refuse {@code value}, if any. */
    public static Optional<Problem> check(String value, boolean multiline) {
        boolean visible = false;
        boolean invisible = false;
        boolean bidi = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int codePoint = c;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return Optional.of(Problem.CHARACTERS);
                }
                codePoint = Character.toCodePoint(c, value.charAt(++i));
            } else if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                return Optional.of(Problem.CHARACTERS);
            } else if (c == '\n' || c == '\r' || c == '\t') {
                if (!multiline && c != '\t') {
                    return Optional.of(Problem.CHARACTERS);
                }
                continue;
            } else if (Character.isISOControl(c)) {
                return Optional.of(Problem.CHARACTERS);
            }
            if (isBidiControl(codePoint)) {
                bidi = true;
                invisible = true;
            } else if (isInvisible(codePoint)) {
                invisible = true;
            } else if (!Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint)) {
                visible = true;
            }
        }
        if (!multiline && bidi) {
            return Optional.of(Problem.BIDI);
        }
        if (invisible && !visible) {
            return Optional.of(Problem.INVISIBLE);
        }
        return Optional.empty();
    }

    public static boolean isSafe(String value, boolean multiline) {
        return check(value, multiline).isEmpty();
    }

    /** Characters as a person counts them (an emoji is one), as JSON Schema's {@code maxLength} counts them. */
    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    private static boolean isBidiControl(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F || c == 0x061C;
    }

    /** Characters that draw nothing: format characters (zero-width space, joiners, BOM, tags…) and blank glyphs. */
    private static boolean isInvisible(int c) {
        return Character.getType(c) == Character.FORMAT
            || c == 0x3164 || c == 0x115F || c == 0x1160 || c == 0xFFA0   // Hangul fillers
            || c == 0x2800                                                // braille pattern blank
            || c == 0x034F                                                // combining grapheme joiner
            || c >= 0xFE00 && c <= 0xFE0F || c >= 0xE0100 && c <= 0xE01EF; // variation selectors
    }
}
