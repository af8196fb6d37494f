package cn.huiyin.platform.kernel.access;

import java.util.regex.Pattern;

/**
 * The territory a user's organisation answers for, as an administrative division code (GB/T 2260 and the street and
 * community codes below it). Codes nest by prefix: the city {@code 510100} covers every code starting {@code 5101},
 * the district {@code 510112} its streets {@code 510112xxx}.
 *
 * <p>A missing, empty or malformed claim is {@link #NONE}: it covers nothing. Granting the whole country because a
 * token lacked a claim would turn a configuration slip into a data leak.
 */
public record Jurisdiction(String code) {

    /** Covers nothing. */
    public static final Jurisdiction NONE = new Jurisdiction(null);

    private static final Pattern DIVISION_CODE = Pattern.compile("\\d{6}(\\d{3}(\\d{3})?)?");

    /** The jurisdiction a claim names, or {@link #NONE} if it names none (null, blank, not a division code). */
    public static Jurisdiction of(String claim) {
        if (claim == null || !DIVISION_CODE.matcher(claim.strip()).matches() || claim.strip().startsWith("000000")) {
            return NONE;
        }
        return new Jurisdiction(claim.strip());
    }

    public boolean isNone() {
        return code == null;
    }

    /**
     * The prefix every division code in this jurisdiction starts with: a province's {@code 0000} and a city's
     * {@code 00} are dropped; {@code null} for {@link #NONE}, which a query must treat as "nothing".
     */
    public String prefix() {
        if (code == null) {
            return null;
        }
        if (code.length() == 6 && code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        if (code.length() == 6 && code.endsWith("00")) {
            return code.substring(0, 4);
        }
        return code;
    }

    /** Whether a place lies within this jurisdiction; never for {@link #NONE} or an unknown place. */
    public boolean covers(String divisionCode) {
        return code != null && divisionCode != null && !divisionCode.isBlank() && divisionCode.startsWith(prefix());
    }

    /** Whether another jurisdiction lies wholly within this one (a district within its city). */
    public boolean contains(Jurisdiction other) {
        return other != null && !other.isNone() && covers(other.code);
    }

    @Override
    public String toString() {
        return code == null ? "(none)" : code;
    }
}
