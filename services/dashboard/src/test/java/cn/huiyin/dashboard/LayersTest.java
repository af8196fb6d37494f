package cn.huiyin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The house's layers, read from the sources: the domain is plain Java (no Spring, Kafka or MongoDB), the application
 * knows no adapter and no framework, and web and messaging adapters reach persistence only through the application.
 */
class LayersTest {

    private static final Path SOURCES = Path.of("src/main/java/cn/huiyin/dashboard");

    @Test
    void theDomainIsPlainJava() {
        assertThat(imports("domain")).noneMatch(i -> i.startsWith("org.springframework") || i.startsWith("org.apache.kafka")
            || i.startsWith("com.mongodb") || i.startsWith("org.bson") || i.startsWith("cn.huiyin.dashboard.application")
            || i.startsWith("cn.huiyin.platform.messaging") || i.startsWith("cn.huiyin.platform.service"));
    }

    @Test
    void theApplicationKnowsNoAdapterAndNoFramework() {
        assertThat(imports("application")).noneMatch(i -> i.startsWith("org.springframework")
            || i.startsWith("cn.huiyin.dashboard.web") || i.startsWith("cn.huiyin.dashboard.messaging")
            || i.startsWith("cn.huiyin.dashboard.persistence") || i.startsWith("com.mongodb"));
    }

    @Test
    void adaptersCallUseCasesNotTheStore() {
        assertThat(imports("web")).noneMatch(i -> i.startsWith("cn.huiyin.dashboard.persistence"));
        assertThat(imports("messaging")).noneMatch(i -> i.startsWith("cn.huiyin.dashboard.persistence"));
    }

    private static List<String> imports(String layer) {
        try (Stream<Path> files = Files.walk(SOURCES.resolve(layer))) {
            return files.filter(f -> f.toString().endsWith(".java")).flatMap(LayersTest::importsOf).toList();
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
