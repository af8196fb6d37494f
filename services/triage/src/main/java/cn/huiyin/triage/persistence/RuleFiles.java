package cn.huiyin.triage.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import cn.huiyin.triage.domain.ClassificationRules;
import cn.huiyin.triage.domain.DeadlinePolicy;
import cn.huiyin.triage.domain.Organisation;
import cn.huiyin.triage.domain.RoutingRules;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads triage's data files from {@code cn/huiyin/triage/}: the rules (classification, routing, deadlines) and the
 * demo city's organisation registry. Reading is strict (a misspelt field fails start-up with the file and the field),
 * except that {@code $comment} fields, which explain the data to the people who edit it, are skipped.
 */
public final class RuleFiles {

    private static final String BASE = "cn/huiyin/triage/";
    private static final JsonMapper JSON = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();

    private RuleFiles() {
    }

    public static ClassificationRules classification() {
        return read("rules/classification.json", ClassificationRules.class);
    }

    public static RoutingRules routing() {
        return read("rules/routing.json", RoutingRules.class);
    }

    public static DeadlinePolicy deadlines() {
        return read("rules/deadlines.json", DeadlinePolicy.class);
    }

    /** The demo city's registry, loaded into an empty store on first start. */
    public static List<Organisation> demoOrganisations() {
        JsonNode organisations = tree("organisations.json").get("organisations");
        List<Organisation> result = new ArrayList<>();
        for (JsonNode node : organisations) {
            result.add(bind("organisations.json", node, Organisation.class));
        }
        return result;
    }

    static <T> T read(String file, Class<T> type) {
        return bind(file, tree(file), type);
    }

    private static <T> T bind(String file, JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JacksonException e) {
            throw new IllegalStateException(BASE + file + ": " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode tree(String file) {
        try (InputStream in = RuleFiles.class.getClassLoader().getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + BASE + file);
            }
            JsonNode root = JSON.readTree(in);
            stripComments(root);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stripComments(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("$comment");
            object.forEach(RuleFiles::stripComments);
        } else if (node.isArray()) {
            node.forEach(RuleFiles::stripComments);
        }
    }
}
