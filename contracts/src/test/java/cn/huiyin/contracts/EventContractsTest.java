package cn.huiyin.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every example validates against its own schema version and against every newer version of the same event (so a
 * consumer on the new schema still understands what old producers sent), and the validation really bites.
 */
class EventContractsTest {

    private static final Path EVENTS = Path.of("events");
    private static final Pattern SCHEMA = Pattern.compile("v(\\d+)\\.schema\\.json");
    private static final Pattern EXAMPLE = Pattern.compile("v(\\d+)-.+\\.json");
    private static final JsonMapper JSON = new JsonMapper();

    private final EventContracts contracts = new EventContracts();

    record EventVersion(String service, String event, int version, Path schema) {
        String type() {
            // The folder is the service's name (joint-meeting); the CloudEvents type drops the dash (jointmeeting).
            return "cn.huiyin." + service.replace("-", "") + "." + event + ".v" + version;
        }
    }

    record Example(int version, Path file) {
    }

    @TestFactory
    Stream<DynamicTest> everyExampleConformsToItsVersionAndEveryNewerOne() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (EventVersion schema : schemas()) {
            Schema compiled = contracts.schemaFromText(Files.readString(schema.schema()));
            for (Example example : examples(schema)) {
                if (example.version() <= schema.version()) {
                    tests.add(DynamicTest.dynamicTest(schema.type() + " accepts " + example.file().getFileName(), () ->
                        assertThat(contracts.validate(compiled, Files.readString(example.file()))).isEmpty()));
                }
            }
        }
        assertThat(tests).as("examples found under %s", EVENTS.toAbsolutePath()).isNotEmpty();
        return tests.stream();
    }

    @Test
    void everyEventVersionHasAnExampleOfItsOwn() throws IOException {
        for (EventVersion schema : schemas()) {
            assertThat(examples(schema)).as(schema.type()).anyMatch(example -> example.version() == schema.version());
        }
    }

    @Test
    void schemasAreFoundByCloudEventsType() throws IOException {
        for (EventVersion schema : schemas()) {
            String example = Files.readString(examples(schema).get(0).file());
            assertThat(contracts.validate(schema.type(), example)).as(schema.type()).isEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> anExampleMissingARequiredFieldOrWithAnUnknownOneIsRefused() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (EventVersion schema : schemas()) {
            Path example = examples(schema).stream().filter(e -> e.version() == schema.version()).findFirst()
                .orElseThrow().file();
            ObjectNode schemaNode = (ObjectNode) JSON.readTree(schema.schema().toFile());
            tests.add(DynamicTest.dynamicTest(schema.type() + " refuses broken data", () -> {
                for (var required : schemaNode.get("required")) {
                    ObjectNode broken = (ObjectNode) JSON.readTree(example.toFile());
                    broken.remove(required.asString());
                    assertThat(contracts.validate(schema.type(), broken.toString()))
                        .as("without %s", required.asString()).isNotEmpty();
                }
                ObjectNode extra = (ObjectNode) JSON.readTree(example.toFile());
                extra.put("unexpectedField", "x");
                assertThat(contracts.validate(schema.type(), extra.toString())).isNotEmpty();
            }));
        }
        return tests.stream();
    }

    @Test
    void aMalformedTimestampIsRefusedNotJustNoted() throws IOException {
        String example = Files.readString(EVENTS.resolve("intake/GrievanceSubmitted/examples/v1-truck-driver-12328-minimal.json"));

        List<String> problems = contracts.validate("cn.huiyin.intake.GrievanceSubmitted.v1",
            example.replace("2026-11-21T01:02:03Z", "21/11/2026 09:02"));

        assertThat(problems).anyMatch(problem -> problem.contains("submittedAt"));
    }

    static List<EventVersion> schemas() throws IOException {
        List<EventVersion> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(EVENTS)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Matcher matcher = SCHEMA.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    Path eventDir = file.getParent();
                    found.add(new EventVersion(eventDir.getParent().getFileName().toString(),
                        eventDir.getFileName().toString(), Integer.parseInt(matcher.group(1)), file));
                }
            }
        }
        return found;
    }

    static List<Example> examples(EventVersion schema) throws IOException {
        Path dir = schema.schema().getParent().resolve("examples");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().map(file -> {
                Matcher matcher = EXAMPLE.matcher(file.getFileName().toString());
                return matcher.matches() ? new Example(Integer.parseInt(matcher.group(1)), file) : null;
            }).filter(java.util.Objects::nonNull).toList();
        }
    }
}
