package cn.huiyin.platform.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one node), run inside this JVM from
 * the Kafka jars. It formats its log directory on first start and keeps its data there, so a restart with the same
 * directory keeps topics, records and consumer offsets.
 *
 * <p>Single node, so every internal topic has replication factor 1 and {@code min.insync.replicas=1}; producers
 * using {@code acks=all} still work. With no replica to hold an acknowledged record, {@link #flushEveryAppend()}
 * makes the broker force each append to disk before acknowledging it (the embedded stack does; tests need not).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final String host;
    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final int defaultPartitions;
    private KafkaRaftServer server;
    private boolean flushEveryAppend;

    /**
     * @param host              address to listen on, e.g. {@code 127.0.0.1}
     * @param port              client port (0 picks a free one)
     * @param controllerPort    KRaft controller port (0 picks a free one)
     * @param logDir            where the broker keeps its data; created and formatted if empty
     * @param defaultPartitions partitions of automatically created topics
     */
    public EmbeddedKafkaBroker(String host, int port, int controllerPort, Path logDir, int defaultPartitions) {
        this.host = host;
        this.port = port == 0 ? FreePorts.find() : port;
        this.controllerPort = controllerPort == 0 ? FreePorts.find() : controllerPort;
        this.logDir = logDir;
        this.defaultPartitions = defaultPartitions;
    }

    /**
     * Acknowledge a record only once it is forced to disk ({@code log.flush.interval.messages=1}): an acknowledged
     * record then survives a power cut, not only a crash of this JVM. Call before {@link #start()}.
     */
    public synchronized EmbeddedKafkaBroker flushEveryAppend() {
        flushEveryAppend = true;
        return this;
    }

    public synchronized EmbeddedKafkaBroker start() {
        if (server != null) {
            return this;
        }
        Properties properties = serverProperties();
        format(properties);
        KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        raftServer.startup();
        server = raftServer;
        log.info("Kafka broker (KRaft) listening on {} with data in {}", bootstrapServers(), logDir);
        return this;
    }

    /** Stops the broker and waits until its ports are closed; the data directory stays for a later {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        log.info("Kafka broker on {} stopped", bootstrapServers());
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public void close() {
        stop();
    }

    private Properties serverProperties() {
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
            Map.entry("process.roles", "broker,controller"),
            Map.entry("node.id", "1"),
            Map.entry("controller.quorum.voters", "1@" + host + ":" + controllerPort),
            Map.entry("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort),
            Map.entry("advertised.listeners", "PLAINTEXT://" + host + ":" + port),
            Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
            Map.entry("controller.listener.names", "CONTROLLER"),
            Map.entry("inter.broker.listener.name", "PLAINTEXT"),
            Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
            Map.entry("num.partitions", Integer.toString(defaultPartitions)),
            Map.entry("auto.create.topics.enable", "true"),
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("offsets.topic.num.partitions", "5"),
            // Every consumer's commit appends to this compacted topic; the cleaner only compacts closed segments, and
            // at the default 100 MiB per segment a laptop would keep every commit for months.
            Map.entry("offsets.topic.segment.bytes", Integer.toString(1024 * 1024)),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("default.replication.factor", "1"),
            Map.entry("min.insync.replicas", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            // Small segments and a short flush interval keep a laptop's disk and the restart time small.
            Map.entry("log.segment.bytes", Integer.toString(64 * 1024 * 1024)),
            // Topics keep their full history: the dashboard rebuilds its projection from it (docs/dashboard.md).
            Map.entry("log.retention.ms", "-1"),
            Map.entry("num.network.threads", "2"),
            Map.entry("num.io.threads", "4"),
            Map.entry("log.cleaner.threads", "1"),
            Map.entry("num.recovery.threads.per.data.dir", "1")));
        if (flushEveryAppend) {
            p.put("log.flush.interval.messages", "1");
        }
        return p;
    }

    /** Formats the log directory once, as {@code kafka-storage.sh format --ignore-formatted} would. */
    private void format(Properties properties) {
        try {
            Files.createDirectories(logDir);
            Path config = logDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                properties.store(out, "Written by Huiyin's embedded Kafka broker; regenerated at every start");
            }
            String clusterId = clusterId();
            int exit = StorageTool$.MODULE$.execute(
                new String[] {"format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"},
                new PrintStream(OutputStream.nullOutputStream()));
            if (exit != 0) {
                throw new IllegalStateException("Formatting Kafka log directory " + logDir + " failed with exit code " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cluster id kept beside the data, so a formatted directory is always started with its own id. */
    private String clusterId() throws IOException {
        Path idFile = logDir.resolve("huiyin-cluster-id");
        if (Files.exists(idFile)) {
            return Files.readString(idFile).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(idFile, id);
        return id;
    }
}
