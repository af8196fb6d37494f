package cn.huiyin.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The house's layers of one service, read from its sources: the domain is plain Java (no Spring, Kafka or MongoDB),
 * the application knows no adapter and no framework, and web and messaging adapters reach persistence only through
 * the application. A service's {@code LayersTest} extends it with its package name. (The whole house's structure is
 * also checked by {@code deploy/architecture} on the compiled classes.)
 */
public abstract class LayersScenario {

    private final String base;
    private final Path sources;

    /** @param service the service's package under {@code cn.huiyin}, e.g. {@code followup} */
    protected LayersScenario(String service) {
        this.base = "cn.huiyin." + service;
        this.sources = Path.of("src/main/java/cn/huiyin/" + service);
    }

    @Test
    void theDomainIsPlainJava() {
        assertThat(imports("domain")).noneMatch(i -> i.startsWith("org.springframework") || i.startsWith("org.apache.kafka")
            || i.startsWith("com.mongodb") || i.startsWith("org.bson") || i.startsWith(base + ".application")
            || i.startsWith("cn.huiyin.platform.messaging") || i.startsWith("cn.huiyin.platform.service"));
    }

    @Test
    void theApplicationKnowsNoAdapterAndNoFramework() {
        assertThat(imports("application")).noneMatch(i -> i.startsWith("org.springframework")
            || i.startsWith(base + ".web") || i.startsWith(base + ".messaging")
            || i.startsWith(base + ".persistence") || i.startsWith("com.mongodb"));
    }

    @Test
    void adaptersCallUseCasesNotTheStore() {
        assertThat(imports("web")).noneMatch(i -> i.startsWith(base + ".persistence"));
        assertThat(imports("messaging")).noneMatch(i -> i.startsWith(base + ".persistence"));
    }

    private List<String> imports(String layer) {
        Path folder = sources.resolve(layer);
        assertThat(folder).as("the " + layer + " layer").isDirectory();
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".java")).flatMap(LayersScenario::importsOf).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> importsOf(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith("import "))
                .map(line -> line.replace("import static ", "").replace("import ", "").replace(";", "").strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
