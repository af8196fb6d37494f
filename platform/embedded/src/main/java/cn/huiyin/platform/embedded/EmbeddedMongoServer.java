package cn.huiyin.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire-protocol server (mongo-java-server) inside this JVM, storing its data with H2's MVStore: in a file
 * (data survives restarts) or in memory (for tests). Clients connect over a real socket with the ordinary MongoDB
 * driver. It has no multi-document transactions; Huiyin's persistence never needs them.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final String host;
    private final int port;
    private final Path file;
    private final int autoCommitDelayMillis;
    private MongoServer server;
    private MVStore store;

    private EmbeddedMongoServer(String host, int port, Path file, int autoCommitDelayMillis) {
        this.host = host;
        this.port = port == 0 ? FreePorts.find() : port;
        this.file = file;
        this.autoCommitDelayMillis = autoCommitDelayMillis;
    }

    /** A server keeping its data in {@code file}, created if missing. */
    public static EmbeddedMongoServer onDisk(String host, int port, Path file) {
        return new EmbeddedMongoServer(host, port, file, 200);
    }

    /** As {@link #onDisk(String, int, Path)}, writing changes to disk every {@code autoCommitDelayMillis}. */
    static EmbeddedMongoServer onDisk(String host, int port, Path file, int autoCommitDelayMillis) {
        return new EmbeddedMongoServer(host, port, file, autoCommitDelayMillis);
    }

    /** A server keeping its data in memory only. */
    public static EmbeddedMongoServer inMemory(String host, int port) {
        return new EmbeddedMongoServer(host, port, null, 200);
    }

    public synchronized EmbeddedMongoServer start() {
        if (server != null) {
            return this;
        }
        MVStore.Builder builder = new MVStore.Builder();
        if (file != null) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builder.fileName(file.toAbsolutePath().toString());
        }
        store = builder.open();
        // Write changes to disk at most 200 ms after they happen (H2's default is one second).
        store.setAutoCommitDelay(autoCommitDelayMillis);
        server = new MongoServer(new IndexNarrowingH2Backend(store));
        server.bind(new InetSocketAddress(host, port));
        log.info("MongoDB-protocol server listening on {}:{} ({})", host, port,
            file == null ? "in memory" : "data in " + file);
        return this;
    }

    /** Stops accepting connections and writes everything to disk. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdownNow();
        if (!store.isClosed()) {
            store.close();
        }
        server = null;
        store = null;
        log.info("MongoDB-protocol server on {}:{} stopped", host, port);
    }

    public String connectionString() {
        return "mongodb://" + host + ":" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }
}
