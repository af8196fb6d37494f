package cn.huiyin.triage.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.triage.application.rules.RuleSource;
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
 * Reads triage's data files: the rules ({@code classification.json}, {@code routing.json}, {@code deadlines.json})
 * and the registry ({@code organisations.json}), each from the configured directory when it holds that file, else the
 * one packaged with triage ({@code cn/huiyin/triage/}). Reading is strict (a misspelt field is a mistake naming the file
 * and the field), except that {@code $comment} fields, which explain the data to the people who edit it, are skipped.
 */
public final class RuleFiles implements RuleSource {

    private static final String PACKAGED = "cn/huiyin/triage/";
    private static final Map<String, String> PACKAGED_PATHS = Map.of(
        CLASSIFICATION, "rules/" + CLASSIFICATION,
        ROUTING, "rules/" + ROUTING,
        DEADLINES, "rules/" + DEADLINES,
        ORGANISATIONS, ORGANISATIONS);
    private static final JsonMapper JSON = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();

    private final Path directory;

    /** @param directory where an operator keeps edited files; null: only the packaged files */
    public RuleFiles(Path directory) {
        this.directory = directory;
    }

    /** Only the files packaged with triage. */
    public static RuleFiles packaged() {
        return new RuleFiles(null);
    }

    @Override
    public Files read() {
        Map<String, String> origins = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (String file : List.of(CLASSIFICATION, ROUTING, DEADLINES, ORGANISATIONS)) {
            try {
                contents.put(file, bytes(file, origins));
            } catch (IOException | UncheckedIOException e) {
                problems.add(new Problem(file, "cannot be read: " + e.getMessage()));
            }
        }
        ClassificationRules classification = bind(CLASSIFICATION, contents, ClassificationRules.class, problems);
        RoutingRules routing = bind(ROUTING, contents, RoutingRules.class, problems);
        DeadlinePolicy deadlines = bind(DEADLINES, contents, DeadlinePolicy.class, problems);
        List<Organisation> organisations = organisations(contents, problems);
        return new Files(classification, routing, deadlines, organisations,
            fingerprint(contents, List.of(CLASSIFICATION, ROUTING, DEADLINES)),
            fingerprint(contents, List.of(ORGANISATIONS)), origins, problems);
    }

    /** The packaged classification rules; for tests and tools. */
    public static ClassificationRules classification() {
        return packaged().readOrThrow().classification();
    }

    /** The packaged routing rules; for tests and tools. */
    public static RoutingRules routing() {
        return packaged().readOrThrow().routing();
    }

    /** The packaged deadline policy; for tests and tools. */
    public static DeadlinePolicy deadlines() {
        return packaged().readOrThrow().deadlines();
    }

    /** The packaged demo city's registry; for tests and tools. */
    public static List<Organisation> demoOrganisations() {
        return packaged().readOrThrow().organisations();
    }

    private Files readOrThrow() {
        Files files = read();
        if (!files.problems().isEmpty()) {
            throw new IllegalStateException("Packaged rule files: " + files.problems());
        }
        return files;
    }

    private byte[] bytes(String file, Map<String, String> origins) throws IOException {
        if (directory != null) {
            Path edited = directory.resolve(file);
            if (java.nio.file.Files.isRegularFile(edited)) {
                origins.put(file, edited.toAbsolutePath().toString());
                return java.nio.file.Files.readAllBytes(edited);
            }
        }
        String resource = PACKAGED + PACKAGED_PATHS.get(file);
        try (InputStream in = RuleFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            origins.put(file, "classpath:" + resource);
            return in.readAllBytes();
        }
    }

    private static <T> T bind(String file, Map<String, byte[]> contents, Class<T> type, List<Problem> problems) {
        JsonNode tree = tree(file, contents, problems);
        if (tree == null) {
            return null;
        }
        try {
            return JSON.treeToValue(tree, type);
        } catch (JacksonException e) {
            problems.add(new Problem(file, e.getOriginalMessage() + " at " + e.getPathReference()));
            return null;
        }
    }

    private static List<Organisation> organisations(Map<String, byte[]> contents, List<Problem> problems) {
        JsonNode tree = tree(ORGANISATIONS, contents, problems);
        if (tree == null) {
            return null;
        }
        JsonNode list = tree.get("organisations");
        if (list == null || !list.isArray()) {
            problems.add(new Problem(ORGANISATIONS, "needs an array \"organisations\""));
            return null;
        }
        List<Organisation> organisations = new ArrayList<>();
        int index = 0;
        for (JsonNode node : list) {
            if (node instanceof ObjectNode object && !object.has("active")) {
                object.put("active", true);
            }
            try {
                organisations.add(JSON.treeToValue(node, Organisation.class));
            } catch (JacksonException e) {
                problems.add(new Problem(ORGANISATIONS, "organisations[" + index + "]: " + e.getOriginalMessage()));
            }
            index++;
        }
        return organisations.size() == list.size() ? organisations : null;
    }

    private static JsonNode tree(String file, Map<String, byte[]> contents, List<Problem> problems) {
        byte[] bytes = contents.get(file);
        if (bytes == null) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
            stripComments(root);
            return root;
        } catch (JacksonException e) {
            problems.add(new Problem(file, "is not valid JSON: " + e.getOriginalMessage()));
            return null;
        }
    }

    private static String fingerprint(Map<String, byte[]> contents, List<String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String file : files) {
                digest.update(file.getBytes(StandardCharsets.UTF_8));
                byte[] bytes = contents.get(file);
                digest.update(bytes == null ? new byte[0] : bytes);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
