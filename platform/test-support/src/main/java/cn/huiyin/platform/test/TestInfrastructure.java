package cn.huiyin.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import cn.huiyin.platform.embedded.EmbeddedKafkaBroker;
import cn.huiyin.platform.embedded.EmbeddedMongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker and MongoDB server that integration tests talk to over real sockets, started once per test JVM.
 *
 * <p>Where a Docker engine runs, they are Testcontainers of the real images ({@value #KAFKA_IMAGE},
 * {@value #MONGO_IMAGE}); elsewhere they are the embedded servers (a KRaft broker from the Kafka jars and
 * mongo-java-server). The same test classes run in both worlds. Choose explicitly with the system property or
 * environment variable {@code HUIYIN_TEST_INFRA=docker|embedded} (default: {@code auto}).
 */
public final class TestInfrastructure {

    public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    public static final String MONGO_IMAGE = "mongo:8.0";

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static volatile TestInfrastructure instance;

    private final Kafka kafka;
    private final String mongoUri;
    private final String mode;

    private TestInfrastructure(Kafka kafka, String mongoUri, String mode) {
        this.kafka = kafka;
        this.mongoUri = mongoUri;
        this.mode = mode;
    }

    /** The shared infrastructure, started on first use and stopped when the JVM exits. */
    public static TestInfrastructure get() {
        TestInfrastructure current = instance;
        if (current == null) {
            synchronized (TestInfrastructure.class) {
                current = instance;
                if (current == null) {
                    current = start();
                    instance = current;
                }
            }
        }
        return current;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A connection string without a database: each service (and test context) picks its own. */
    public String mongoUri() {
        return mongoUri;
    }

    /** {@code docker} or {@code embedded}. */
    public String mode() {
        return mode;
    }

    /** The broker, for tests that simulate an outage. */
    public Kafka kafka() {
        return kafka;
    }

    /** A broker a test can take away and bring back, as in an outage. */
    public interface Kafka {
        String bootstrapServers();

        /** Makes the broker unreachable; clients see failures or time-outs. */
        void interrupt();

        /** Brings it back with all its data. */
        void resume();
    }

    private static TestInfrastructure start() {
        String requested = System.getProperty("HUIYIN_TEST_INFRA", System.getenv().getOrDefault("HUIYIN_TEST_INFRA", "auto"))
            .toLowerCase(Locale.ROOT);
        boolean docker = switch (requested) {
            case "docker" -> true;
            case "embedded" -> false;
            default -> dockerAvailable();
        };
        TestInfrastructure infrastructure = docker ? startContainers() : startEmbedded();
        log.info("Test infrastructure ({}): Kafka at {}, MongoDB at {}", infrastructure.mode,
            infrastructure.kafkaBootstrapServers(), infrastructure.mongoUri);
        return infrastructure;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static TestInfrastructure startContainers() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
        kafka.start();
        mongo.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            mongo.stop();
        }, "test-containers-stop"));
        Kafka handle = new Kafka() {
            @Override
            public String bootstrapServers() {
                return kafka.getBootstrapServers();
            }

            // Pausing keeps the container's mapped port, which the clients were given, across the outage.
            @Override
            public void interrupt() {
                DockerClientFactory.instance().client().pauseContainerCmd(kafka.getContainerId()).exec();
            }

            @Override
            public void resume() {
                DockerClientFactory.instance().client().unpauseContainerCmd(kafka.getContainerId()).exec();
            }
        };
        return new TestInfrastructure(handle, "mongodb://" + mongo.getHost() + ":" + mongo.getFirstMappedPort(), "docker");
    }

    private static TestInfrastructure startEmbedded() {
        Path dir;
        try {
            dir = Files.createTempDirectory("huiyin-test-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker("127.0.0.1", 0, 0, dir, 3).start();
        EmbeddedMongoServer mongo = EmbeddedMongoServer.inMemory("127.0.0.1", 0).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.stop();
            mongo.stop();
            deleteQuietly(dir);
        }, "embedded-infrastructure-stop"));
        Kafka handle = new Kafka() {
            @Override
            public String bootstrapServers() {
                return broker.bootstrapServers();
            }

            @Override
            public void interrupt() {
                broker.stop();
            }

            @Override
            public void resume() {
                broker.start();
            }
        };
        return new TestInfrastructure(handle, mongo.connectionString(), "embedded");
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the OS cleans up what is left
        }
    }
}
