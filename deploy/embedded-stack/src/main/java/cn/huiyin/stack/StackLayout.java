package cn.huiyin.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where things are and which ports they use. Everything the stack writes lives under one data directory, so deleting
 * it is a full reset and keeping it keeps every grievance across restarts.
 */
record StackLayout(Path home, Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort,
                   List<ServiceSpec> services, String serviceJvmOptions) {

    /** A service of the loop: its module directory under services/ and its HTTP port. */
    record ServiceSpec(String name, int port) {

        Path jar(Path home) {
            return home.resolve("services").resolve(name).resolve("target").resolve(name + "-0.1.0-SNAPSHOT-exec.jar");
        }
    }

    static final List<ServiceSpec> ALL_SERVICES = List.of(
        new ServiceSpec("identity", 9000),
        new ServiceSpec("intake", 8081),
        new ServiceSpec("triage", 8082),
        new ServiceSpec("joint-meeting", 8083),
        new ServiceSpec("follow-up", 8084),
        new ServiceSpec("dashboard", 8085));

    /** Small heaps and the serial collector: six JVMs share two cores and a laptop's memory. */
    static final String DEFAULT_JVM_OPTIONS = "-Xms32m -Xmx256m -XX:+UseSerialGC -Xss512k "
        + "-XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=256m -XX:TieredStopAtLevel=1";

    static StackLayout fromEnvironment() {
        Map<String, String> env = System.getenv();
        Path home = Path.of(System.getProperty("huiyin.home", env.getOrDefault("HUIYIN_HOME", "."))).toAbsolutePath().normalize();
        Path data = Path.of(env.getOrDefault("HUIYIN_DATA_DIR", home.resolve("data").toString())).toAbsolutePath().normalize();
        int kafka = Integer.parseInt(env.getOrDefault("HUIYIN_KAFKA_PORT", "9092"));
        List<ServiceSpec> services = ALL_SERVICES;
        String selected = env.get("HUIYIN_SERVICES");
        if (selected != null && !selected.isBlank()) {
            List<String> names = Arrays.stream(selected.split(",")).map(String::strip).toList();
            services = ALL_SERVICES.stream().filter(s -> names.contains(s.name())).toList();
        }
        return new StackLayout(home, data, kafka, kafka + 1, Integer.parseInt(env.getOrDefault("HUIYIN_MONGO_PORT", "27017")),
            services, env.getOrDefault("HUIYIN_SERVICE_JVM_OPTS", DEFAULT_JVM_OPTIONS));
    }

    Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    Path mongoFile() {
        // v2: documents stored as BSON (IndexNarrowingH2Backend); files of the earlier format are left alone.
        return dataDir.resolve("mongo").resolve("huiyin-v2.mv");
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    boolean isBuilt() {
        return services.stream().allMatch(s -> Files.isRegularFile(s.jar(home)));
    }
}
