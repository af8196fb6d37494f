package cn.huiyin.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * The event schemas in {@code contracts/events}, looked up by CloudEvents type: {@code cn.huiyin.<service>.<Event>.v<N>}
 * is described by {@code contracts/events/<service>/<Event>/v<N>.schema.json}. Services use it in their tests to show
 * that what they publish is what the contract says; formats such as {@code date-time} are checked, not just noted.
 */
public final class EventContracts {

    private static final Pattern TYPE = Pattern.compile("cn\\.huiyin\\.([a-z-]+)\\.([A-Za-z]+)\\.v(\\d+)");
    /** CloudEvents types name a service without its dash (cn.huiyin.jointmeeting.…); its folder keeps the dash. */
    private static final Map<String, String> FOLDERS = Map.of("jointmeeting", "joint-meeting", "followup", "follow-up");

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** The classpath location of the schema for a CloudEvents type. */
    public static String schemaPath(String type) {
        Matcher matcher = TYPE.matcher(type);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a Huiyin event type: " + type);
        }
        return "contracts/events/" + FOLDERS.getOrDefault(matcher.group(1), matcher.group(1)) + "/" + matcher.group(2) + "/v" + matcher.group(3) + ".schema.json";
    }

    /** Problems of {@code json} against the schema of {@code type}; empty when it conforms. */
    public List<String> validate(String type, String json) {
        return schemaFor(type).validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    /** Problems of {@code json} against a schema given as text (for checking one version's examples against another). */
    public List<String> validate(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    public Schema schemaFromText(String schemaJson) {
        return registry.getSchema(schemaJson, InputFormat.JSON);
    }

    private Schema schemaFor(String type) {
        return schemas.computeIfAbsent(type, t -> {
            String path = schemaPath(t);
            try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalArgumentException("No schema for " + t + " (expected " + path + ")");
                }
                return registry.getSchema(in, InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
