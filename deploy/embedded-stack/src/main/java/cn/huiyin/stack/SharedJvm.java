package cn.huiyin.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * The loop's services in one JVM (ADR 0035): the jars every one of them has are the JVM's class path, loaded, compiled
 * and archived once; each service's own classes and the few jars only it has get a class loader of their own
 * ({@code ServiceHost}, in the services' platform jar). Built from the services' unpacked images (ADR 0031); the plan
 * it writes names each service's main class, its own jars and its arguments.
 */
final class SharedJvm implements JvmImage {

    /** The process's name in the launcher's messages and its log, {@code data/logs/services.log}. */
    static final String NAME = "services";
    static final String HOST_CLASS = "cn.huiyin.platform.service.host.ServiceHost";

    private final List<StackLayout.ServiceSpec> services;
    private final List<Path> sharedClassPath;
    private final Path plan;
    private final Path classPathFile;
    private final ClassDataArchive archive;

    private SharedJvm(List<StackLayout.ServiceSpec> services, List<Path> sharedClassPath, Path plan, Path classPathFile,
                      ClassDataArchive archive) {
        this.services = List.copyOf(services);
        this.sharedClassPath = List.copyOf(sharedClassPath);
        this.plan = plan;
        this.classPathFile = classPathFile;
        this.archive = archive;
    }

    /**
     * The host of {@code hosted}, its plan written into the data directory; empty when a service's image is not
     * unpacked (each then runs in a JVM of its own).
     */
    static Optional<SharedJvm> prepare(List<StackLayout.ServiceSpec> hosted, Map<String, ServiceImage> images,
                                       StackLayout layout) throws IOException {
        Map<StackLayout.ServiceSpec, Image> unpacked = new LinkedHashMap<>();
        for (StackLayout.ServiceSpec spec : hosted) {
            ServiceImage image = images.get(spec.name());
            if (image == null || !Files.isRegularFile(image.unpackedJar())) {
                return Optional.empty();
            }
            unpacked.put(spec, Image.read(image.unpackedJar()));
        }
        List<Path> shared = sharedJars(unpacked.values());
        List<String> sharedNames = shared.stream().map(p -> p.getFileName().toString()).toList();
        List<String> planned = new ArrayList<>();
        StringBuilder fingerprint = new StringBuilder(layout.sharedJvmOptions());
        for (Map.Entry<StackLayout.ServiceSpec, Image> entry : unpacked.entrySet()) {
            Image image = entry.getValue();
            List<Path> own = new ArrayList<>();
            own.add(image.classesJar());
            image.libraries().stream().filter(jar -> !sharedNames.contains(jar.getFileName().toString())).forEach(own::add);
            planned.addAll(planLines(entry.getKey().name(), image.mainClass(), own,
                ServiceArguments.of(entry.getKey(), layout)));
            fingerprint.append(' ').append(Files.size(image.jar())).append(':').append(Files.getLastModifiedTime(image.jar()).toMillis());
        }
        Path plan = layout.dataDir().resolve("shared-jvm.plan");
        Files.createDirectories(plan.getParent());
        Files.write(plan, planned, StandardCharsets.UTF_8);
        // An argument file keeps 135 jars off the command line, which ps and /proc would show (and cut) otherwise.
        Path classPathFile = layout.dataDir().resolve("shared-jvm.classpath");
        String classPath = shared.stream().map(Path::toString).collect(Collectors.joining(System.getProperty("path.separator")));
        Files.writeString(classPathFile, "-cp\n\"" + classPath.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n",
            StandardCharsets.UTF_8);
        // The archive lives beside the first service's unpacked jar, and only the one of these jars and options.
        Path first = unpacked.values().iterator().next().jar().getParent();
        ClassDataArchive archive = new ClassDataArchive(first, "shared-jvm", fingerprint.toString());
        archive.deleteOthers();
        return Optional.of(new SharedJvm(hosted, shared, plan, classPathFile, archive));
    }

    /** A service's block of the plan, in the format {@code ServiceHost} reads ({@code HostPlan}). */
    private static List<String> planLines(String name, String mainClass, List<Path> classPath, List<String> arguments) {
        List<String> lines = new ArrayList<>();
        lines.add("service " + name);
        lines.add("main " + mainClass);
        classPath.forEach(jar -> lines.add("classpath " + jar));
        arguments.forEach(argument -> lines.add("argument " + argument));
        return lines;
    }

    /** The jars all services have, in the first one's order, from the first one's directory. */
    private static List<Path> sharedJars(Collection<Image> images) {
        List<Path> shared = new ArrayList<>(images.iterator().next().libraries());
        for (Image image : images) {
            List<String> names = image.libraries().stream().map(p -> p.getFileName().toString()).toList();
            shared.removeIf(jar -> !names.contains(jar.getFileName().toString()));
        }
        return shared;
    }

    @Override
    public ClassDataArchive.Launch launch() {
        return archive.launch(List.of("@" + classPathFile, HOST_CLASS));
    }

    @Override
    public void exited(ClassDataArchive.Launch launch, boolean readyBefore, boolean endedOnItsOwn) {
        archive.exited(launch, readyBefore, endedOnItsOwn);
    }

    List<StackLayout.ServiceSpec> services() {
        return services;
    }

    Path plan() {
        return plan;
    }

    List<Path> sharedClassPath() {
        return sharedClassPath;
    }

    /** An unpacked service jar: its main class and the libraries its manifest lists, in order. */
    private record Image(Path jar, String mainClass, List<Path> libraries) {

        static Image read(Path jar) throws IOException {
            try (JarFile file = new JarFile(jar.toFile())) {
                Attributes attributes = file.getManifest().getMainAttributes();
                String classPath = attributes.getValue(Attributes.Name.CLASS_PATH);
                List<Path> libraries = classPath == null ? List.of() : Arrays.stream(classPath.trim().split("\\s+"))
                    .map(entry -> jar.resolveSibling(entry).normalize()).toList();
                return new Image(jar, attributes.getValue(Attributes.Name.MAIN_CLASS), libraries);
            }
        }

        /**
         * The service's own classes, as a copy of its jar without the manifest's class path: a class loader opens every
         * jar a manifest lists, which would put a second copy of the shared jars behind each service.
         */
        Path classesJar() throws IOException {
            String name = jar.getFileName().toString().replaceFirst("\\.jar$", "") + "-classes.jar";
            Path classes = jar.resolveSibling(name);
            if (Files.isRegularFile(classes)
                && Files.getLastModifiedTime(classes).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
                return classes;
            }
            Path fresh = jar.resolveSibling(name + "." + UUID.randomUUID());
            try (JarFile in = new JarFile(jar.toFile())) {
                Manifest manifest = new Manifest(in.getManifest());
                manifest.getMainAttributes().remove(Attributes.Name.CLASS_PATH);
                try (OutputStream file = Files.newOutputStream(fresh); JarOutputStream out = new JarOutputStream(file, manifest)) {
                    for (JarEntry entry : Collections.list(in.entries())) {
                        if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                            continue;
                        }
                        out.putNextEntry(new JarEntry(entry.getName()));
                        try (InputStream content = in.getInputStream(entry)) {
                            content.transferTo(out);
                        }
                        out.closeEntry();
                    }
                }
            }
            // Whole or not at all: a second stack starting at the same time finds one or the other.
            Files.move(fresh, classes, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return classes;
        }
    }
}
