package cn.huiyin.console.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The pickers' choices, from the same reference data intake validates against (contracts/reference-data):
 * categories and administrative divisions, with their Chinese and English names.
 */
public final class ReferenceData {

    /** One choice of a picker. {@code level} orders divisions (CITY, DISTRICT, STREET, COMMUNITY). */
    public record Choice(String code, String nameZh, String nameEn, String level) {
    }

    private final List<Choice> categories;
    private final List<Choice> divisions;

    private ReferenceData(List<Choice> categories, List<Choice> divisions) {
        this.categories = categories;
        this.divisions = divisions;
    }

    public static ReferenceData load() {
        return new ReferenceData(read("categories.json", "categories"), read("divisions.json", "divisions"));
    }

    public List<Choice> categories() {
        return categories;
    }

    public List<Choice> divisions() {
        return divisions;
    }

    @SuppressWarnings("unchecked")
    private static List<Choice> read(String file, String field) {
        try (InputStream in = ReferenceData.class.getResourceAsStream("/contracts/reference-data/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Reference data missing: " + file);
            }
            Map<String, Object> document = new JsonMapper().readValue(in, Map.class);
            return ((List<Map<String, Object>>) document.get(field)).stream()
                .map(c -> new Choice((String) c.get("code"), (String) c.get("nameZh"), (String) c.get("nameEn"),
                    (String) c.get("level")))
                .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
