package cn.huiyin.dashboard.domain.cell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The territories a case is counted in: every prefix of its division code at the levels division codes nest by —
 * province (2 digits), city (4), district (6), street (9), community (12). A viewer's jurisdiction
 * ({@code Jurisdiction.prefix()}) is exactly one of these nodes, so "my jurisdiction and everything below it" is one
 * cell per period, never a scan. A case whose place is unknown is counted under {@value #NOWHERE}, which no
 * jurisdiction covers.
 */
public final class Scopes {

    public static final String NOWHERE = "none";
    private static final int[] LEVELS = {2, 4, 6, 9, 12};
    private static final Pattern DIGITS = Pattern.compile("\\d{6}(\\d{3}(\\d{3})?)?");

    private Scopes() {
    }

    public static List<String> of(String divisionCode) {
        if (divisionCode == null || !DIGITS.matcher(divisionCode).matches()) {
            return List.of(NOWHERE);
        }
        List<String> nodes = new ArrayList<>();
        for (int level : LEVELS) {
            if (level <= divisionCode.length()) {
                nodes.add(divisionCode.substring(0, level));
            }
        }
        return nodes;
    }

    /** The node one level below {@code node} that {@code divisionCode} lies in, or null if there is none. */
    public static String childOf(String node, String divisionCode) {
        if (divisionCode == null || NOWHERE.equals(node) || !divisionCode.startsWith(node)) {
            return null;
        }
        for (int level : LEVELS) {
            if (level > node.length()) {
                return level <= divisionCode.length() && DIGITS.matcher(divisionCode).matches()
                    ? divisionCode.substring(0, level) : null;
            }
        }
        return null;
    }

    /** Whether {@code node} is a node a case can be counted under. */
    public static boolean isNode(String node) {
        if (node == null || !node.chars().allMatch(Character::isDigit)) {
            return false;
        }
        for (int level : LEVELS) {
            if (node.length() == level) {
                return true;
            }
        }
        return false;
    }

    /** The street (9 digits) a division code lies in, or null above street level. */
    public static String streetOf(String divisionCode) {
        return divisionCode != null && divisionCode.length() >= 9 && DIGITS.matcher(divisionCode).matches()
            ? divisionCode.substring(0, 9) : null;
    }
}
