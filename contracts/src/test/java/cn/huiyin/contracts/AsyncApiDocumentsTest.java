package cn.huiyin.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Each service's AsyncAPI document is valid AsyncAPI 3.0.0 and points at event schemas that exist. */
class AsyncApiDocumentsTest {

    private static final Path ASYNCAPI = Path.of("asyncapi");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<String> SERVICES = List.of("intake", "triage", "joint-meeting", "follow-up", "dashboard", "notifications");

    @TestFactory
    Stream<DynamicTest> everyDocumentIsValidAsyncApi300() throws IOException {
        Schema asyncApi = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(
            Files.readString(Path.of("src/test/resources/asyncapi/asyncapi-3.0.0.schema.json")), InputFormat.JSON);
        return documents().stream().map(doc -> DynamicTest.dynamicTest(doc.getFileName().toString(), () -> {
            JsonNode node = YAML.readTree(doc.toFile());
            assertThat(asyncApi.validate(node)).isEmpty();
            assertThat(node.get("asyncapi").asString()).isEqualTo("3.0.0");
        }));
    }

    @Test
    void everyServiceHasADocument() throws IOException {
        Set<String> names = new HashSet<>();
        documents().forEach(doc -> names.add(doc.getFileName().toString().replace(".asyncapi.yaml", "")));
        assertThat(names).containsAll(SERVICES);
    }

    @Test
    void everyReferencedFileExistsAndEveryEventSchemaIsPublishedBySomeone() throws IOException {
        Set<Path> referenced = new HashSet<>();
        for (Path doc : documents()) {
            for (String ref : refs(YAML.readTree(doc.toFile()))) {
                if (!ref.startsWith("#")) {
                    Path target = doc.getParent().resolve(ref).normalize();
                    assertThat(target).as("%s in %s", ref, doc).exists();
                    referenced.add(target.toAbsolutePath());
                }
            }
        }
        for (EventContractsTest.EventVersion schema : EventContractsTest.schemas()) {
            assertThat(referenced).as(schema.type()).contains(schema.schema().toAbsolutePath().normalize());
        }
    }

    private static List<Path> documents() throws IOException {
        try (Stream<Path> files = Files.list(ASYNCAPI)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".asyncapi.yaml")).sorted().toList();
        }
    }

    private static List<String> refs(JsonNode node) {
        List<String> refs = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("$ref") && entry.getValue().isString()) {
                    refs.add(entry.getValue().asString());
                } else {
                    refs.addAll(refs(entry.getValue()));
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> refs.addAll(refs(child)));
        }
        return refs;
    }
}
