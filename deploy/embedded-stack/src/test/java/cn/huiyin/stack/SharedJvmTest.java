package cn.huiyin.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan of the loop's services in one JVM (ADR 0035), made from copies of two real services' executable jars
 * (intake and notifications; the reactor packaged them before these tests run), unpacked as the launcher does.
 */
class SharedJvmTest {

    @TempDir
    Path home;

    private StackLayout layout;
    private List<StackLayout.ServiceSpec> hosted;
    private Map<String, ServiceImage> images;

    @BeforeEach
    void unpackTwoRealServices() throws IOException {
        layout = StackLayout.fromEnvironment(Map.of("HUIYIN_HOME", home.toString(), "HUIYIN_DATA_DIR",
            home.resolve("data").toString(), "HUIYIN_SERVICES", "identity,intake,notifications"));
        hosted = layout.sharedJvmServices();
        images = new java.util.HashMap<>();
        for (StackLayout.ServiceSpec spec : hosted) {
            Path copy = spec.jar(home);
            Files.createDirectories(copy.getParent());
            Files.copy(spec.jar(StackProcess.repositoryRoot()), copy);
            ServiceImage image = new ServiceImage(copy, layout.serviceJvmOptions());
            assertThat(image.prepare()).isTrue();
            images.put(spec.name(), image);
        }
    }

    @Test
    void theJarsAllServicesHaveAreTheClassPathAndEachServiceKeepsOnlyItsOwn() throws IOException {
        assertThat(hosted).extracting(StackLayout.ServiceSpec::name).containsExactly("intake", "notifications");

        SharedJvm host = SharedJvm.prepare(hosted, images, layout).orElseThrow();

        assertThat(host.sharedClassPath()).extracting(jar -> jar.getFileName().toString())
            .anyMatch(name -> name.startsWith("spring-core-")).anyMatch(name -> name.startsWith("kafka-clients-"))
            .anyMatch(name -> name.startsWith("huiyin-platform-service-"))
            .noneMatch(name -> name.startsWith("poi-")).noneMatch(name -> name.startsWith("angus-mail-"));
        List<String> plan = Files.readAllLines(host.plan());
        assertThat(plan).containsSubsequence("service intake", "main cn.huiyin.intake.IntakeApplication")
            .containsSubsequence("service notifications", "main cn.huiyin.notifications.NotificationsApplication")
            .contains("argument --server.port=" + layout.servicePort("notifications"));
        List<String> intakeOwn = block(plan, "service intake");
        assertThat(intakeOwn).anyMatch(line -> line.matches("classpath .*/poi-[0-9.]+\\.jar"))
            .noneMatch(line -> line.contains("angus-mail")).noneMatch(line -> line.contains("spring-core"));
        assertThat(block(plan, "service notifications")).anyMatch(line -> line.contains("angus-mail"))
            .noneMatch(line -> line.contains("/poi-"));
    }

    @Test
    void aServicesOwnClassesComeWithoutItsManifestsClassPath() throws IOException {
        SharedJvm host = SharedJvm.prepare(hosted, images, layout).orElseThrow();

        String classes = block(Files.readAllLines(host.plan()), "service intake").stream()
            .filter(line -> line.startsWith("classpath ")).findFirst().orElseThrow().substring("classpath ".length());
        try (JarFile jar = new JarFile(classes)) {
            assertThat(jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH)).isNull();
            assertThat(jar.getEntry("cn/huiyin/intake/IntakeApplication.class")).isNotNull();
            assertThat(jar.getEntry("intake.yml")).isNotNull();
        }
    }

    @Test
    void theHostStartsFromTheSharedJarsRecordingItsArchiveFirstAndMappingItLater() throws IOException {
        SharedJvm host = SharedJvm.prepare(hosted, images, layout).orElseThrow();

        ClassDataArchive.Launch first = host.launch();
        assertThat(first.arguments()).anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="))
            .endsWith(SharedJvm.HOST_CLASS);
        String argumentFile = first.arguments().get(first.arguments().size() - 2);
        assertThat(argumentFile).startsWith("@");
        assertThat(Files.readAllLines(Path.of(argumentFile.substring(1)))).first().isEqualTo("-cp");
        assertThat(Files.readString(Path.of(argumentFile.substring(1)))).contains("spring-core-");
        Files.write(first.recording(), new byte[] {1});
        host.exited(first, true, true);

        assertThat(host.launch().arguments()).anyMatch(a -> a.startsWith("-XX:SharedArchiveFile="))
            .noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
    }

    @Test
    void theArchiveOfEarlierJarsGoesWhileTheServicesOwnArchivesStay() throws IOException {
        Path launch = images.get("intake").unpackedJar().getParent();
        Path stale = Files.write(launch.resolve("shared-jvm-17.0.1-abc.jsa"), new byte[] {1});
        Path intakesOwn = Files.write(launch.resolve("intake-0.1.0-SNAPSHOT-exec-17.0.1-abc.jsa"), new byte[] {1});

        SharedJvm.prepare(hosted, images, layout).orElseThrow();

        assertThat(stale).doesNotExist();
        assertThat(intakesOwn).exists();
    }

    @Test
    void servicesNotUnpackedRunInJvmsOfTheirOwn() throws IOException {
        ServiceImage neverUnpacked = new ServiceImage(home.resolve("missing-exec.jar"), layout.serviceJvmOptions());

        assertThat(SharedJvm.prepare(hosted, Map.of("intake", images.get("intake"), "notifications", neverUnpacked),
            layout)).isEmpty();
    }

    /** The lines of one service's block of the plan, its {@code service} line first. */
    private static List<String> block(List<String> plan, String first) {
        int start = plan.indexOf(first);
        int end = start + 1;
        while (end < plan.size() && !plan.get(end).startsWith("service ")) {
            end++;
        }
        return plan.subList(start, end);
    }
}
