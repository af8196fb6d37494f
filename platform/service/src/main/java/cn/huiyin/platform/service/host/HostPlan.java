package cn.huiyin.platform.service.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link ServiceHost} runs, as the embedded stack's launcher writes it ({@code SharedJvm}): a block per service,
 * one item per line.
 *
 * <pre>
 * service intake
 * main cn.huiyin.intake.IntakeApplication
 * classpath /…/services/intake/target/launch/intake-classes.jar
 * argument --server.port=8081
 * </pre>
 */
final class HostPlan {

    /** A service: its name, its main class, the jars only it loads, and its command-line arguments. */
    record Service(String name, String mainClass, List<Path> classPath, List<String> arguments) {

        Service {
            classPath = List.copyOf(classPath);
            arguments = List.copyOf(arguments);
        }
    }

    private HostPlan() {
    }

    static List<Service> read(Path file) throws IOException {
        List<Service> services = new ArrayList<>();
        Builder current = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            int space = line.indexOf(' ');
            String key = space < 0 ? line : line.substring(0, space);
            String value = space < 0 ? "" : line.substring(space + 1);
            if (key.equals("service")) {
                if (current != null) {
                    services.add(current.build());
                }
                current = new Builder(value);
            } else if (current == null) {
                throw new IOException(file + ": '" + line + "' before the first 'service' line");
            } else {
                current.add(key, value, file);
            }
        }
        if (current != null) {
            services.add(current.build());
        }
        return services;
    }

    private static final class Builder {
        private final String name;
        private String mainClass;
        private final List<Path> classPath = new ArrayList<>();
        private final List<String> arguments = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        void add(String key, String value, Path file) throws IOException {
            switch (key) {
                case "main" -> mainClass = value;
                case "classpath" -> classPath.add(Path.of(value));
                case "argument" -> arguments.add(value);
                default -> throw new IOException(file + ": unknown item '" + key + "' of " + name);
            }
        }

        Service build() throws IOException {
            if (mainClass == null) {
                throw new IOException("the plan names no main class for " + name);
            }
            return new Service(name, mainClass, classPath, arguments);
        }
    }
}
