package cn.huiyin.stack;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A JVM's class-data archive (AppCDS, ADR 0031): the first start records it while the JVM stops
 * ({@code -XX:ArchiveClassesAtExit}, JDK 17's way), every later start maps it. The recording is written under a name of
 * its own and kept only when the JVM had been ready and stopped on its own, so a killed JVM or a second stack never
 * leaves a half-written archive in place.
 */
final class ClassDataArchive {

    /** One start's JVM arguments (the archive to map or to record, then {@code tail}) and its recording, if any. */
    record Launch(List<String> arguments, Path recording) {
    }

    private final Path archive;
    private final String name;

    /**
     * The archive {@code name} in {@code directory}; the JDK's version and a hash of {@code fingerprint} (the JVM
     * options, and whatever else the archive depends on) become part of its file name, since an archive only serves
     * JVMs like the one that wrote it.
     */
    ClassDataArchive(Path directory, String name, String fingerprint) {
        String key = Runtime.version() + "-" + Integer.toHexString(fingerprint.strip().hashCode());
        this.name = name;
        this.archive = directory.resolve(name + "-" + key.replaceAll("[^A-Za-z0-9.-]", "_") + ".jsa");
    }

    /** Maps the archive if there is one, records it otherwise; {@code tail} follows (the class path, the main class). */
    Launch launch(List<String> tail) {
        List<String> arguments = new ArrayList<>();
        Path recording = null;
        if (Files.isRegularFile(archive)) {
            arguments.add("-XX:SharedArchiveFile=" + archive);
        } else {
            recording = archive.resolveSibling(archive.getFileName() + "." + UUID.randomUUID() + ".recording");
            arguments.add("-XX:ArchiveClassesAtExit=" + recording);
        }
        // CDS reports every class it leaves out (old bytecode, failed preloads) as a warning: noise in the log.
        arguments.add("-Xlog:cds*=off");
        arguments.addAll(tail);
        return new Launch(arguments, recording);
    }

    /**
     * The JVM of {@code launch} ended; its recording becomes the archive only when it had been ready (the archive then
     * holds a whole start) and ended on its own (the JVM wrote the archive to its end).
     */
    void exited(Launch launch, boolean readyBefore, boolean endedOnItsOwn) {
        Path recorded = launch.recording();
        if (recorded == null || !Files.exists(recorded)) {
            return;
        }
        try {
            if (readyBefore && endedOnItsOwn && !Files.exists(archive)) {
                Files.move(recorded, archive, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException lostOrUnsupported) {
            // another stack's JVM recorded it first, or the file system cannot move atomically: not kept
        } catch (IOException e) {
            // the next start records again
        } finally {
            try {
                Files.deleteIfExists(recorded);
            } catch (IOException ignored) {
                // abandoned recordings are removed by deleteAbandonedRecordings()
            }
        }
    }

    boolean exists() {
        return Files.isRegularFile(archive);
    }

    /**
     * Deletes the archives of this name but another fingerprint: they serve jars that are gone (~120 MB each). A JVM
     * still mapping one keeps its mapping.
     */
    void deleteOthers() throws IOException {
        try (Stream<Path> files = Files.list(archive.getParent())) {
            for (Path file : files.filter(f -> !f.equals(archive)).toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.startsWith(name + "-") && fileName.endsWith(".jsa")) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Recordings of JVMs that never settled them (the launcher itself was killed), in {@code directory}. */
    static void deleteAbandonedRecordings(Path directory) throws IOException {
        Instant stale = Instant.now().minus(Duration.ofHours(1));
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".recording")).toList()) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(stale)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
