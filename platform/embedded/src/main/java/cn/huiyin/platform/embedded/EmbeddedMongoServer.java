package cn.huiyin.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
 * concern. Concurrent writes share one commit and one {@code fsync} ({@link GroupCommit}), written to a journal
 * beside the file and checkpointed into it now and then ({@link Journal}).
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final String host;
    private final int port;
    private final Path file;
    private final Storage storage;
    private MongoWireServer server;
    private IndexNarrowingH2Backend backend;
    private GroupCommit groupCommit;
    private Journal journal;
    private MVStore store;

    private EmbeddedMongoServer(String host, int port, Path file, Storage storage) {
        this.host = host;
        this.port = port == 0 ? FreePorts.find() : port;
        this.file = file;
        this.storage = storage;
    }

    /**
     * How the file is written (ADR 0029). {@code compression}: H2's page compression (none, LZF, Deflate);
     * {@code retention}: how long a chunk that no longer holds live pages is kept before its space is written again.
     * The default is 0: every command pins the version it reads ({@link MongoWireServer.PinnedVersion}), so no chunk
     * a running query needs is written over, and H2's 45 s would keep 45 s of replaced chunks in the file (ADR 0029).
     */
    public record Storage(Compression compression, Duration retention, boolean journal) {

        public enum Compression { NONE, FAST, HIGH }

        /** With a journal (ADR 0032). */
        public Storage(Compression compression, Duration retention) {
            this(compression, retention, true);
        }

        /** The defaults (ADR 0029, 0032), each overridable for measurements with a system property. */
        public static Storage defaults() {
            return new Storage(
                Compression.valueOf(System.getProperty(COMPRESSION_PROPERTY, "FAST").toUpperCase(java.util.Locale.ROOT)),
                Duration.ofMillis(Long.getLong(RETENTION_PROPERTY, DEFAULT_RETENTION_MS)),
                !"false".equalsIgnoreCase(System.getProperty(JOURNAL_PROPERTY)));
        }
    }

    /**
     * {@code false}: no journal, every group commit commits the store itself (ADR 0032; for measuring the
     * difference).
     */
    public static final String JOURNAL_PROPERTY = "huiyin.embedded.journal";

    /** {@code none}, {@code fast} (LZF, the default) or {@code high} (Deflate). */
    public static final String COMPRESSION_PROPERTY = "huiyin.embedded.compression";
    /** Freed chunks are reused at once; readers pin what they read. */
    static final long DEFAULT_RETENTION_MS = 0;
    /** Milliseconds a freed chunk of the file is kept before its space is reused (default 0; H2's own is 45,000). */
    public static final String RETENTION_PROPERTY = "huiyin.embedded.retention-ms";

    /** A server keeping its data in {@code file}, created if missing; replies wait until their writes are durable. */
    public static EmbeddedMongoServer onDisk(String host, int port, Path file) {
        return onDisk(host, port, file, Storage.defaults());
    }

    /** As {@link #onDisk(String, int, Path)}, with the file written as {@code storage} says. */
    public static EmbeddedMongoServer onDisk(String host, int port, Path file, Storage storage) {
        return new EmbeddedMongoServer(host, port, file, storage);
    }

    /** A server keeping its data in memory only. */
    public static EmbeddedMongoServer inMemory(String host, int port) {
        return new EmbeddedMongoServer(host, port, null, new Storage(Storage.Compression.NONE, Duration.ZERO));
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
            if (storage.compression() == Storage.Compression.FAST) {
                builder.compress();
            } else if (storage.compression() == Storage.Compression.HIGH) {
                builder.compressHigh();
            }
        }
        store = builder.open();
        if (file != null) {
            store.setRetentionTime((int) storage.retention().toMillis());
            // No old version is ever read again (commands pin what they read, PinnedVersion): a chunk is free to
            // rewrite or reuse once no version in use needs it, not five commits later, which with the journal may
            // be minutes (as H2's own database sets it).
            store.setVersionsToKeep(0);
        }
        if (file != null && !storage.journal() && !JournalFile.generations(file).isEmpty()) {
            store.closeImmediately();
            throw new IllegalStateException("The journal beside " + file + " holds writes not yet in the file; "
                + "start with the journal (-D" + JOURNAL_PROPERTY + "=true) to apply them");
        }
        journal = file != null && storage.journal() ? new Journal(store, file) : null;
        backend = new IndexNarrowingH2Backend(store, journal);
        if (journal != null) {
            journal.recover();
        }
        groupCommit = file == null ? null
            : new GroupCommit(journal != null ? journal : GroupCommit.commits(store));
        server = new MongoWireServer(backend, store, groupCommit,
            journal == null ? null : journal.commands().readLock());
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
        journal = null;
        store = null;
    }

    /** How many commits the group commit made, and how many replies waited for one (null in memory). */
    synchronized long[] commitsAndDeferredReplies() {
        return groupCommit == null ? null : new long[] {groupCommit.commits(), groupCommit.deferredReplies()};
    }

    /** How many batches the journal wrote, and how many checkpoints it made (null without a journal). */
    synchronized long[] journalBatchesAndCheckpoints() {
        return journal == null ? null : new long[] {journal.batches(), journal.checkpoints()};
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
