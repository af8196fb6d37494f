package cn.huiyin.console.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** The services answer instants in UTC; people read Beijing time. */
public final class BeijingTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .withZone(ZoneId.of("Asia/Shanghai"));

    private BeijingTime() {
    }

    public static String of(Object instant) {
        if (instant == null) {
            return "";
        }
        try {
            return FORMAT.format(Instant.parse(instant.toString()));
        } catch (DateTimeParseException e) {
            return instant.toString();
        }
    }

    /** Adds {@code atBeijing} to each entry of the list under {@code field} (history lines). */
    @SuppressWarnings("unchecked")
    public static void addToEntries(Map<String, Object> resource, String field) {
        if (resource != null && resource.get(field) instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> map) {
                    ((Map<String, Object>) map).put("atBeijing", of(map.get("at")));
                }
            }
        }
    }
}
