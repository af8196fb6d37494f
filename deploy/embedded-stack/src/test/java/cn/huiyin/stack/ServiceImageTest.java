package cn.huiyin.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service's JVM starts from its unpacked jar and maps the class-data archive its first run recorded (ADR 0031). The
 * jar is a copy of identity's real executable jar (the reactor packaged it before these tests run), unpacked by Spring
 * Boot's own tools.
 */
class ServiceImageTest {

    private static final String OPTIONS = StackLayout.DEFAULT_JVM_OPTIONS;

    @TempDir
    Path target;

    private Path execJar;

    @BeforeEach
    void copyARealServiceJar() throws IOException {
        Path built = new StackLayout.ServiceSpec("identity", 0).jar(StackProcess.repositoryRoot());
        execJar = Files.copy(built, target.resolve(built.getFileName()));
    }

    @Test
    void theFirstRunRecordsTheArchiveAndEveryLaterRunMapsIt() throws Exception {
        ServiceImage image = new ServiceImage(execJar, OPTIONS);
        assertThat(image.prepare()).isTrue();
        assertThat(image.unpackedJar()).isRegularFile().isNotEqualTo(execJar);
        assertThat(image.unpackedJar().resolveSibling("lib")).isDirectoryContaining("glob:**/spring-core-*.jar");

        ClassDataArchive.Launch first = image.launch();
        assertThat(first.recording()).isNotNull();
        assertThat(first.arguments()).contains("-XX:ArchiveClassesAtExit=" + first.recording())
            .endsWith("-jar", image.unpackedJar().toString());
        assertThat(run(first, "-version")).isZero();
        assertThat(first.recording()).isRegularFile();
        image.exited(first, true, true);
        assertThat(image.isArchived()).isTrue();
        assertThat(first.recording()).doesNotExist();

        ClassDataArchive.Launch second = image.launch();
        assertThat(second.recording()).isNull();
        assertThat(second.arguments()).anyMatch(a -> a.startsWith("-XX:SharedArchiveFile="))
            .noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
        // -Xshare:on fails the JVM if the archive cannot be mapped: a "sharing" JVM proves it was.
        assertThat(run(second, "-Xshare:on", "-version")).isZero();
    }

    @Test
    void aRecordingIsKeptOnlyFromAServiceThatWasReadyAndEndedOnItsOwn() throws Exception {
        ServiceImage image = new ServiceImage(execJar, OPTIONS);
        image.prepare();

        ClassDataArchive.Launch neverReady = image.launch();
        Files.write(neverReady.recording(), new byte[] {1, 2, 3});
        image.exited(neverReady, false, true);
        ClassDataArchive.Launch killed = image.launch();
        Files.write(killed.recording(), new byte[] {1, 2, 3});
        image.exited(killed, true, false);

        assertThat(image.isArchived()).isFalse();
        assertThat(neverReady.recording()).doesNotExist();
        assertThat(killed.recording()).doesNotExist();
        assertThat(image.launch().recording()).as("the next start records again").isNotNull();
    }

    @Test
    void aNewBuildIsUnpackedAgainAndTheArchiveOfTheOldOneIsThrownAway() throws Exception {
        ServiceImage image = archivedImage();
        assertThat(image.isArchived()).isTrue();

        Files.setLastModifiedTime(execJar, FileTime.fromMillis(Files.getLastModifiedTime(execJar).toMillis() + 60_000));
        assertThat(image.prepare()).isTrue();

        assertThat(image.isArchived()).isFalse();
        assertThat(image.launch().recording()).isNotNull();
    }

    @Test
    void otherJvmOptionsRecordAnArchiveOfTheirOwn() throws Exception {
        ServiceImage image = archivedImage();

        ServiceImage bigger = new ServiceImage(execJar, OPTIONS.replace("-Xmx256m", "-Xmx2g"));
        bigger.prepare();

        assertThat(image.isArchived()).isTrue();
        assertThat(bigger.isArchived()).isFalse();
    }

    @Test
    void aJarThatCannotBeUnpackedRunsAsItIs() throws IOException {
        Path plain = target.resolve("plain.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(plain))) {
            zip.putNextEntry(new ZipEntry("README.txt"));
        }
        ServiceImage image = new ServiceImage(plain, OPTIONS);

        assertThat(image.prepare()).isFalse();
        assertThat(image.launch().arguments()).containsExactly("-jar", plain.toString());
        assertThat(image.launch().recording()).isNull();
    }

    /** An unpacked image whose first run (a stand-in recording) was ready and ended on its own. */
    private ServiceImage archivedImage() throws IOException {
        ServiceImage image = new ServiceImage(execJar, OPTIONS);
        image.prepare();
        ClassDataArchive.Launch first = image.launch();
        Files.write(first.recording(), new byte[] {1});
        image.exited(first, true, true);
        return image;
    }

    /** A JVM with the launch's options (those before {@code -jar}) and {@code extra}; its exit code. */
    private static int run(ClassDataArchive.Launch launch, String... extra) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(OPTIONS.split(" ")));
        command.addAll(launch.arguments().subList(0, launch.arguments().indexOf("-jar")));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
