package cn.huiyin.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire-protocol server (mongo-java-server) inside this JVM, storing its data with H2's MVStore: in a file
 * (data survives restarts) or in memory (for tests). Clients connect over a real socket with the ordinary MongoDB
 * driver. It has no multi-document transactions; Huiyin's persistence never needs them.
 *
 * <p>On disk, a reply is sent only once what it reflects is durable (committed and forced to the device): a write
 * acknowledged to a client survives a crash of this JVM or of the machine, as with MongoDB's journaled majority write
 * concern. Concurrent writes share one commit and one {@code fsync} ({@link GroupCommit}).
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final String host;
    private final int port;
    private final Path file;
    private MongoWireServer server;
    private IndexNarrowingH2Backend backend;
    private GroupCommit groupCommit;
    private MVStore store;

    private EmbeddedMongoServer(String host, int port, Path file) {
        this.host = host;
        this.port = port == 0 ? FreePorts.find() : port;
        this.file = file;
    }

    /** A server keeping its data in {@code file}, created if missing; replies wait until their writes are durable. */
    public static EmbeddedMongoServer onDisk(String host, int port, Path file) {
        return new EmbeddedMongoServer(host, port, file);
    }

    /** A server keeping its data in memory only. */
    public static EmbeddedMongoServer inMemory(String host, int port) {
        return new EmbeddedMongoServer(host, port, null);
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
            // Only the group commit writes to the file: no background writer, no commit when memory fills.
            builder.fileName(file.toAbsolutePath().toString()).autoCommitDisabled().autoCommitBufferSize(0);
        }
        store = builder.open();
        backend = new IndexNarrowingH2Backend(store);
        groupCommit = file == null ? null : new GroupCommit(store);
        server = new MongoWireServer(backend, groupCommit);
        try {
            server.bind(new InetSocketAddress(host, port));
        } catch (RuntimeException e) {
            closeStore();
            throw e;
        }
        log.info("MongoDB-protocol server listening on {}:{} ({})", host, port,
            file == null ? "in memory" : "data in " + file);
        return this;
    }

    /** Stops accepting connections and writes everything to disk. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stopNetwork();
        closeStore();
        log.info("MongoDB-protocol server on {}:{} stopped", host, port);
    }

    private void closeStore() {
        if (groupCommit != null) {
            groupCommit.close();
        }
        backend.close();
        if (!store.isClosed()) {
            store.close();
        }
        server = null;
        backend = null;
        groupCommit = null;
        store = null;
    }

    /** How many commits the group commit made, and how many replies waited for one (null in memory). */
    synchronized long[] commitsAndDeferredReplies() {
        return groupCommit == null ? null : new long[] {groupCommit.commits(), groupCommit.deferredReplies()};
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
