package cn.huiyin.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where things are and which ports they use. Everything the stack writes lives under one data directory, so deleting
 * it is a full reset and keeping it keeps every grievance across restarts.
 *
 * <p>Every port can be moved, so a second stack (a benchmark, a fault test) can run beside the first:
 * {@code HUIYIN_PORT_OFFSET} shifts them all (Kafka 9092 and its controller 9093, MongoDB 27017, identity 9000,
 * intake 8081 … dashboard 8085, notifications 8086, console 8080, the SMTP receiver 2525), and {@code HUIYIN_KAFKA_PORT},
 * {@code HUIYIN_MONGO_PORT}, {@code HUIYIN_SMTP_PORT} and
 * {@code HUIYIN_<SERVICE>_PORT} (e.g. {@code HUIYIN_JOINT_MEETING_PORT}) set one port exactly.
 */
record StackLayout(Path home, Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort, int identityPort,
                   List<ServiceSpec> services, String serviceJvmOptions, int smtpPort, boolean sharedJvm,
                   String sharedJvmOptions) {

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
        new ServiceSpec("dashboard", 8085),
        new ServiceSpec("notifications", 8086),
        new ServiceSpec("console", 8080));

    /**
     * The services that share one JVM unless {@code HUIYIN_SHARED_JVM=false} (ADR 0035): the loop's, whose class paths
     * are nearly the same. The identity provider and the console are built on other parts of Spring (the authorization
     * server, a web client with templates) and share little more than its core with them.
     */
    static final List<String> SHAREABLE = List.of("intake", "triage", "joint-meeting", "follow-up", "dashboard",
        "notifications");

    /** Small heaps and the serial collector: eight JVMs share two cores and a laptop's memory. */
    static final String DEFAULT_JVM_OPTIONS = "-Xms32m -Xmx256m -XX:+UseSerialGC -Xss512k "
        + "-XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=256m -XX:TieredStopAtLevel=1";

    /** The shared JVM's: room for six services' heaps, classes and compiled code. */
    static final String DEFAULT_SHARED_JVM_OPTIONS = "-Xms64m -Xmx1g -XX:+UseSerialGC -Xss512k "
        + "-XX:ReservedCodeCacheSize=128m -XX:MaxMetaspaceSize=512m -XX:TieredStopAtLevel=1";

    static StackLayout fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static StackLayout fromEnvironment(Map<String, String> env) {
        Path home = Path.of(System.getProperty("huiyin.home", env.getOrDefault("HUIYIN_HOME", "."))).toAbsolutePath().normalize();
        Path data = Path.of(env.getOrDefault("HUIYIN_DATA_DIR", home.resolve("data").toString())).toAbsolutePath().normalize();
        int offset = Integer.parseInt(env.getOrDefault("HUIYIN_PORT_OFFSET", "0").strip());
        int kafka = port(env, "HUIYIN_KAFKA_PORT", 9092 + offset);
        List<ServiceSpec> services = ALL_SERVICES.stream()
            .map(s -> new ServiceSpec(s.name(), port(env, portVariable(s.name()), s.port() + offset)))
            .toList();
        int identity = services.get(0).port();
        String selected = env.get("HUIYIN_SERVICES");
        if (selected != null && !selected.isBlank()) {
            // "none": only Kafka and MongoDB (services run elsewhere, e.g. in a test's own JVM).
            List<String> names = Arrays.stream(selected.split(",")).map(String::strip).toList();
            services = services.stream().filter(s -> names.contains(s.name())).toList();
        }
        return new StackLayout(home, data, kafka, kafka + 1, port(env, "HUIYIN_MONGO_PORT", 27017 + offset), identity,
            services, env.getOrDefault("HUIYIN_SERVICE_JVM_OPTS", DEFAULT_JVM_OPTIONS),
            port(env, "HUIYIN_SMTP_PORT", 2525 + offset),
            !env.getOrDefault("HUIYIN_SHARED_JVM", "true").strip().equalsIgnoreCase("false"),
            env.getOrDefault("HUIYIN_SHARED_JVM_OPTS", DEFAULT_SHARED_JVM_OPTIONS));
    }

    /** {@code joint-meeting} is set with {@code HUIYIN_JOINT_MEETING_PORT}. */
    static String portVariable(String service) {
        return "HUIYIN_" + service.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PORT";
    }

    private static int port(Map<String, String> env, String variable, int fallback) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    /** The identity provider's address: the issuer of every token and where the services fetch its keys. */
    String identityIssuer() {
        return "http://127.0.0.1:" + identityPort;
    }

    /** The services that run in one JVM: none unless shared and at least two of {@link #SHAREABLE} run. */
    List<ServiceSpec> sharedJvmServices() {
        List<ServiceSpec> shared = services.stream().filter(s -> SHAREABLE.contains(s.name())).toList();
        return sharedJvm && shared.size() > 1 ? shared : List.of();
    }

    /** The port of a service of this layout, or -1 if it is not run. */
    int servicePort(String name) {
        return services.stream().filter(s -> s.name().equals(name)).mapToInt(ServiceSpec::port).findFirst().orElse(-1);
    }

    Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    Path mongoFile() {
        // v2: documents stored as BSON (IndexNarrowingH2Backend); files of the earlier format are left alone.
        return dataDir.resolve("mongo").resolve("huiyin-v2.mv");
    }

    /** Where the SMTP receiver keeps the e-mail it received (a maildir-like folder: new/*.eml). */
    Path mailDir() {
        return dataDir.resolve("mail");
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
