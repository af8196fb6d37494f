package cn.huiyin.followup.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huiyin.followup.domain.casefile.HistoryEntry;
import cn.huiyin.platform.calendar.ChinaCalendar;

/**
 * Renders what the aggregates record as facts (history codes with parameters) in Chinese and English, from
 * {@code history_zh.properties} and {@code history_en.properties}. Instants show in Beijing time, known codes as words.
 */
final class Texts {

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .withZone(ChinaCalendar.ZONE);
    private static final Properties ZH = load("history_zh.properties");
    private static final Properties EN = load("history_en.properties");

    private Texts() {
    }

    /** A rendered history line. */
    record Line(Instant at, String actor, String code, String textZh, String textEn, Map<String, String> params) {
    }

    static Line line(HistoryEntry entry) {
        return new Line(entry.at(), entry.actor(), entry.code(), render(ZH, entry), render(EN, entry), entry.params());
    }

    /** A code (enum name, limit id) in words; the code itself when there are none. */
    static String zh(String code) {
        return code == null ? null : ZH.getProperty("value." + code, code);
    }

    static String en(String code) {
        return code == null ? null : EN.getProperty("value." + code, code);
    }

    static String beijing(Instant instant) {
        return instant == null ? null : BEIJING.format(instant);
    }

    /** Minutes as hours with two decimals. */
    static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    private static String render(Properties texts, HistoryEntry entry) {
        String template = texts.getProperty(entry.code(), entry.code());
        Matcher matcher = PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = entry.params().get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "—" : word(texts, value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String word(Properties texts, String value) {
        String known = texts.getProperty("value." + value);
        if (known != null) {
            return known;
        }
        if (value.length() >= 20 && value.charAt(4) == '-' && value.endsWith("Z")) {
            try {
                return BEIJING.format(Instant.parse(value));
            } catch (DateTimeParseException notAnInstant) {
                return value;
            }
        }
        return value;
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + name);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
