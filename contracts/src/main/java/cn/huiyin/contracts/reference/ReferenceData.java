package cn.huiyin.contracts.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference data every service shares: grievance categories and the city's administrative divisions, read from
 * {@code contracts/reference-data}. Immutable once loaded.
 */
public final class ReferenceData {

    private static final JsonMapper JSON = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Map<String, Category> categories;
    private final Map<String, Division> divisions;

    private ReferenceData(Map<String, Category> categories, Map<String, Division> divisions) {
        this.categories = Collections.unmodifiableMap(categories);
        this.divisions = Collections.unmodifiableMap(divisions);
    }

    public static ReferenceData load() {
        Map<String, Category> categories = new LinkedHashMap<>();
        for (JsonNode node : read("contracts/reference-data/categories.json").get("categories")) {
            Category category = JSON.treeToValue(node, Category.class);
            categories.put(category.code(), category);
        }
        Map<String, Division> divisions = new LinkedHashMap<>();
        for (JsonNode node : read("contracts/reference-data/divisions.json").get("divisions")) {
            Division division = JSON.treeToValue(node, Division.class);
            divisions.put(division.code(), division);
        }
        return new ReferenceData(categories, divisions);
    }

    public List<Category> categories() {
        return List.copyOf(categories.values());
    }

    public Optional<Category> category(String code) {
        return Optional.ofNullable(code == null ? null : categories.get(code));
    }

    public List<Division> divisions() {
        return List.copyOf(divisions.values());
    }

    public Optional<Division> division(String code) {
        return Optional.ofNullable(code == null ? null : divisions.get(code));
    }

    /** The division and all above it, nearest first: community, street, district, city. */
    public List<Division> lineage(String code) {
        List<Division> lineage = new ArrayList<>();
        Division current = divisions.get(code);
        while (current != null) {
            lineage.add(current);
            current = current.parent() == null ? null : divisions.get(current.parent());
        }
        return lineage;
    }

    private static JsonNode read(String path) {
        try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing reference data " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
