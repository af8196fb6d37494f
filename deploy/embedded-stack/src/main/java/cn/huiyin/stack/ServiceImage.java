package cn.huiyin.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How a service's JVM starts quickly (ADR 0031): from its executable jar unpacked into plain jars, since classes read
 * from jars nested in a jar load slowly and cannot be archived, and with the classes it loaded last time mapped from a
 * class-data archive (AppCDS) instead of being parsed and verified again.
 *
 * <p>The first start of a build records the archive ({@link ClassDataArchive}), every later start maps it. Unpacking
 * again (a new build) throws the old archive away with the old jars it describes; a different JDK or different JVM
 * options record an archive of their own.
 */
final class ServiceImage implements JvmImage {

    private static final String STAMP = "unpacked-from.txt";
    private static final Duration UNPACK_LIMIT = Duration.ofMinutes(2);

    private final Path execJar;
    private final Path directory;
    private final ClassDataArchive archive;

    /**
     * The image of {@code execJar}, unpacked next to it into {@code launch/}; {@code jvmOptions} are part of the
     * archive's name, since an archive only serves JVMs started with the same layout of memory.
     */
    ServiceImage(Path execJar, String jvmOptions) {
        this.execJar = execJar;
        this.directory = execJar.resolveSibling("launch");
        this.archive = new ClassDataArchive(directory, baseName(), jvmOptions);
    }

    /**
     * Unpacks the jar when this build of it has not been unpacked yet. False when it cannot be (a read-only tree, a
     * JDK without the tools): the service then runs from its jar as it is, only slower to start.
     */
    boolean prepare() {
        try {
            if (!stamp().equals(readStamp())) {
                unpack();
            }
            ClassDataArchive.deleteAbandonedRecordings(directory);
            return Files.isRegularFile(unpackedJar());
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How to start the JVM this time: the archive to map or to record, then {@code -jar} and its jar. */
    @Override
    public ClassDataArchive.Launch launch() {
        if (!Files.isRegularFile(unpackedJar())) {
            return new ClassDataArchive.Launch(List.of("-jar", execJar.toString()), null);
        }
        return archive.launch(List.of("-jar", unpackedJar().toString()));
    }

    @Override
    public void exited(ClassDataArchive.Launch launch, boolean readyBefore, boolean endedOnItsOwn) {
        archive.exited(launch, readyBefore, endedOnItsOwn);
    }

    boolean isArchived() {
        return archive.exists();
    }

    Path unpackedJar() {
        return directory.resolve(execJar.getFileName());
    }

    private String baseName() {
        String name = execJar.getFileName().toString();
        return name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
    }

    private String stamp() throws IOException {
        return Files.size(execJar) + " " + Files.getLastModifiedTime(execJar).toMillis();
    }

    private String readStamp() throws IOException {
        Path stamp = directory.resolve(STAMP);
        return Files.isRegularFile(stamp) ? Files.readString(stamp).strip() : "";
    }

    /** Unpacks into a directory of its own, then swaps it in whole, so a concurrent start sees old or new, never half. */
    private void unpack() throws IOException, InterruptedException {
        Path fresh = directory.resolveSibling("launch." + UUID.randomUUID());
        Process tools = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Djarmode=tools", "-jar", execJar.toString(), "extract", "--destination", fresh.toString())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!tools.waitFor(UNPACK_LIMIT.toMillis(), TimeUnit.MILLISECONDS) || tools.exitValue() != 0) {
            tools.destroyForcibly();
            deleteTree(fresh);
            throw new IOException("cannot unpack " + execJar);
        }
        Files.writeString(fresh.resolve(STAMP), stamp());
        Path old = directory.resolveSibling("launch.old." + UUID.randomUUID());
        if (Files.exists(directory)) {
            // Running services keep their open jars; the directory itself can go.
            Files.move(directory, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(fresh, directory, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException anotherStackWasFaster) {
            deleteTree(fresh);
        }
        deleteTree(old);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // leftovers in target/ are harmless and go with the next clean build
        }
    }
}
