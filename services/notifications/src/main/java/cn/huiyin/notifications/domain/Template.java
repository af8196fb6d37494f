package cn.huiyin.notifications.domain;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message template (消息模板), kept as data: Chinese first, English second, with {@code {name}} placeholders.
 *
 * @param id       e.g. {@code WORKER_ACCEPTED}
 * @param audience whom it is written for
 * @param zh       the Chinese text, what an SMS carries
 * @param en       the English text
 */
public record Template(String id, Audience audience, String zh, String en) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    public Template {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
        if (!placeholders(zh).equals(placeholders(en))) {
            throw new IllegalArgumentException("Template " + id + " has different placeholders in zh and en");
        }
    }

    /** The parameters the template needs, in order of first use. */
    public Set<String> parameters() {
        return placeholders(zh);
    }

    /**
     * The text in {@code language} ({@code zh} or {@code en}) with the parameters filled in.
     *
     * @throws MissingParameters if a parameter the template uses is absent (an empty value is allowed: a remedy
     *         there was none of)
     */
    public String render(String language, Map<String, String> values) {
        Set<String> missing = new LinkedHashSet<>();
        for (String name : parameters()) {
            String value = values.get(name);
            if (value == null) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingParameters(id, missing);
        }
        Matcher matcher = PLACEHOLDER.matcher("en".equals(language) ? en : zh);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(text, Matcher.quoteReplacement(values.get(matcher.group(1))));
        }
        matcher.appendTail(text);
        return text.toString();
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** A template rendered without values for some of its parameters. */
    public static final class MissingParameters extends RuntimeException {
        private final Set<String> names;

        public MissingParameters(String templateId, Set<String> names) {
            super("Template " + templateId + " lacks " + names);
            this.names = Set.copyOf(names);
        }

        public Set<String> names() {
            return names;
        }
    }
}
