package cn.huiyin.dashboard.domain.cell;

import java.util.Optional;

/** Row keys of the hotspot cells: category × street ({@code cs:}) and category × enterprise ({@code ce:}). */
public final class Hotspots {

    public static final String CATEGORY_STREET = "cs";
    public static final String CATEGORY_ENTERPRISE = "ce";

    private Hotspots() {
    }

    public static String categoryStreet(String category, String street) {
        return Keys.escape(CATEGORY_STREET + ":" + category + "|" + street);
    }

    public static String categoryEnterprise(String category, String enterprise) {
        return Keys.escape(CATEGORY_ENTERPRISE + ":" + category + "|" + enterprise);
    }

    /** A hotspot row key read back: its table ({@code cs} or {@code ce}), category and street or enterprise. */
    public record Row(String table, String category, String place) {
    }

    public static Optional<Row> parse(String key) {
        String plain = Keys.unescape(key);
        int colon = plain.indexOf(':');
        int bar = plain.indexOf('|');
        if (colon < 0 || bar < colon) {
            return Optional.empty();
        }
        return Optional.of(new Row(plain.substring(0, colon), plain.substring(colon + 1, bar), plain.substring(bar + 1)));
    }
}
