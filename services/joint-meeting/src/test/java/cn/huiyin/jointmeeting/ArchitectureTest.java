package cn.huiyin.jointmeeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The house's layering, read from the sources: the domain is plain Java (the platform kernel and calendar only), and
 * the adapters (web, messaging) reach persistence only through the application's ports.
 */
class ArchitectureTest {

    private static final Path ROOT = Path.of("src/main/java/cn/huiyin/jointmeeting");

    @Test
    void theDomainImportsNoFrameworkAndNoOuterLayer() throws IOException {
        assertThat(imports("domain")).noneMatch(i -> i.startsWith("org.springframework") || i.startsWith("org.apache.kafka")
            || i.startsWith("com.mongodb") || i.startsWith("org.bson") || i.startsWith("tools.jackson")
            || i.startsWith("cn.huiyin.jointmeeting.application") || i.startsWith("cn.huiyin.jointmeeting.web")
            || i.startsWith("cn.huiyin.jointmeeting.messaging") || i.startsWith("cn.huiyin.jointmeeting.persistence")
            || i.startsWith("cn.huiyin.platform.messaging") || i.startsWith("cn.huiyin.platform.service"));
    }

    @Test
    void adaptersCallUseCasesNotRepositories() throws IOException {
        for (String adapter : List.of("web", "messaging")) {
            assertThat(imports(adapter)).as(adapter).noneMatch(i -> i.startsWith("cn.huiyin.jointmeeting.persistence"));
        }
        assertThat(imports("application")).noneMatch(i -> i.startsWith("cn.huiyin.jointmeeting.web")
            || i.startsWith("cn.huiyin.jointmeeting.messaging") || i.startsWith("cn.huiyin.jointmeeting.persistence")
            || i.startsWith("org.springframework"));
    }

    private static List<String> imports(String layer) throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.resolve(layer))) {
            return files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream().filter(l -> l.startsWith("import "))
                        .map(l -> l.replace("import static ", "").replace("import ", "").replace(";", "").strip());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
