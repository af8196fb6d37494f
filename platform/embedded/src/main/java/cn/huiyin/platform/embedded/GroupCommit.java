package cn.huiyin.platform.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable replies by group commit: a reply of the embedded MongoDB server leaves only once everything its client
 * could have seen is on disk. One thread makes the writes durable ({@link Durability}: a {@link Journal} batch, or
 * a commit of the MVStore) and forces them to the device ({@code fsync}); every reply computed while there were unsaved changes waits for the next such commit, and all replies that pile
 * up during one commit share the next one. Under load a commit covers many writes; when idle a write waits for one
 * commit of its own.
 *
 * <p>Waiting is decided per reply, not per command, so every path is covered alike: inserts, updates, deletes,
 * findAndModify, bulk writes, index creation, GridFS chunks, and also reads: a query that saw a write not yet
 * durable (another client's, still waiting for its commit) is answered only after that write is durable, so no
 * client can act on data a crash could still take back.
 *
 * <p>This class must be the only one to commit the store: it is opened with H2's own auto-commit switched off
 * (no background writer, no commit on memory pressure), so "no unsaved changes and no commit in flight" means
 * "everything is synced". While idle it commits what unacknowledged writes left and, now and then, rewrites
 * sparse chunks as H2's background writer would (its housekeeping).
 *
 * <p>A reply waits without blocking the server's network threads: it is handed to the committer and sent from there.
 * Replies on one connection leave in the order they were computed.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final AttributeKey<Long> CHANNEL_TICKET = AttributeKey.valueOf("huiyin-durable-ticket");
    private static final Duration IDLE = Duration.ofSeconds(1);
    /** Seconds between housekeeping rounds while the store is quiet (default 30). */
    static final String HOUSEKEEPING_SECONDS_PROPERTY = "huiyin.embedded.housekeeping-seconds";
    private static final int HOUSEKEEPING_FILL_RATE = 50;
    private static final int HOUSEKEEPING_WRITE_BYTES = 4 * 1024 * 1024;
    /** The file is shortened once less than this share of it (percent) holds chunks. */
    private static final int SHRINK_BELOW_FILL_RATE = 85;
    /** At least the largest chunk: a checkpoint of a full journal (16 MiB) writes chunks of up to ~60 MiB. */
    private static final long SHRINK_MOVE_BYTES = 128L * 1024 * 1024;
    private static final int MAX_QUICK_ROUNDS = 64;

    /**
     * How the writes of the store are made durable: by committing the store itself ({@link #commits(MVStore)}), or
     * by a {@link Journal}. Called by the committer thread only, except {@link #hasUnsavedChanges} and
     * {@link #snapshotVersion}, which a reply reads while the command that computed it still runs.
     */
    interface Durability {

        /** Whether something written is not yet durable. */
        boolean hasUnsavedChanges();

        /** Changes the moment {@link #persist} takes what it will make durable. */
        long snapshotVersion();

        /** Makes durable everything written before it took its snapshot. */
        void persist();

        /**
         * After a quiet time: keep the file from fragmenting and shorten it. May leave unsaved changes for the next
         * persist.
         *
         * @return true if there is more to do at once: the next quiet second runs another round
         */
        boolean housekeeping();

        /** After the last persist. */
        void close();
    }

    /** Durability by committing the store and forcing its file to the device on every turn. */
    static Durability commits(MVStore store) {
        return new Durability() {
            @Override
            public boolean hasUnsavedChanges() {
                return store.hasUnsavedChanges();
            }

            @Override
            public long snapshotVersion() {
                return store.getCurrentVersion();
            }

            @Override
            public void persist() {
                store.commit();
                store.sync();
            }

            @Override
            public boolean housekeeping() {
                boolean shortened = shrinkFile(store);
                return compactSparseChunks(store) || shortened;
            }

            @Override
            public void close() {
                // The store's own close commits what is left.
            }
        };
    }

    /** Rewrites the live pages of sparse chunks, as H2's background writer would; they become unsaved changes. */
    static boolean compactSparseChunks(MVStore store) {
        try {
            return store.compact(HOUSEKEEPING_FILL_RATE, HOUSEKEEPING_WRITE_BYTES);
        } catch (RuntimeException e) {
            log.warn("Housekeeping of the MongoDB store failed; it is retried later", e);
            return false;
        }
    }

    /**
     * Moves chunks from the end of the file into the free space before them and cuts the file there, once enough of
     * it is free (deleted documents, sparse chunks rewritten): what H2's background writer would do, which this store
     * does not run. Call it when the store has no unsaved changes: moving commits the store. True if the file got
     * shorter.
     */
    static boolean shrinkFile(MVStore store) {
        if (!(store.getFileStore() instanceof RandomAccessStore file)) {
            return false;
        }
        long before = file.size();
        long start = System.nanoTime();
        int fillRate;
        try {
            // Chunks that died since the last commit are freed at the next one, which a quiet store does not make.
            store.executeFilestoreOperation(file::dropUnusedChunks);
            fillRate = file.getFillRate();
            if (fillRate >= SHRINK_BELOW_FILL_RATE) {
                return false;
            }
            file.compactMoveChunks(101, SHRINK_MOVE_BYTES, store);
        } catch (RuntimeException e) {
            log.warn("Shortening the MongoDB store's file failed; it is retried later", e);
            return false;
        }
        long after = file.size();
        if (after < before) {
            log.info("Store file shortened from {} to {} MB in {} ms ({} % of it was in use)", before >> 20,
                after >> 20, (System.nanoTime() - start) / 1_000_000, fillRate);
        }
        return after < before;
    }

    private final Durability durability;
    private final Duration idle;
    private final Duration housekeepingEvery;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    /** Replies by the number of the commit they wait for, in the order they arrived. */
    private final TreeMap<Long, List<Runnable>> waiting = new TreeMap<>();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong deferredReplies = new AtomicLong();
    private final AtomicLong housekeepings = new AtomicLong();
    private final Thread committer;
    /** Number of the last commit begun; a commit is begun before it reads the store. */
    private long started;
    /** Number of the last commit written and forced to the device. */
    private long durable;
    /** The highest commit number a reply waits for. */
    private long requested;
    /** The snapshot version when the last commit was begun; it changes the moment that commit takes its snapshot. */
    private long versionAtStart;
    private boolean running = true;
    private Throwable failure;
    private long lastHousekeeping = System.nanoTime();
    private int quickRounds;

    GroupCommit(Durability durability) {
        this(durability, IDLE, Duration.ofSeconds(Long.getLong(HOUSEKEEPING_SECONDS_PROPERTY, 30)));
    }

    /** Committing {@code store} on every turn, with a quiet time and housekeeping interval (for tests). */
    GroupCommit(MVStore store, Duration idle, Duration housekeepingEvery) {
        this(commits(store), idle, housekeepingEvery);
    }

    /** With a quiet time after which leftovers are committed, and how often housekeeping may run then. */
    GroupCommit(Durability durability, Duration idle, Duration housekeepingEvery) {
        this.durability = durability;
        this.idle = idle;
        this.housekeepingEvery = housekeepingEvery;
        this.committer = new Thread(this::run, "mongo-group-commit");
        committer.setDaemon(true);
        committer.start();
    }

    /**
     * Sends {@code reply} (computed just now on {@code channel}) once everything it may reflect is durable: at once
     * if the store has nothing unsaved, else after the next commit.
     */
    void reply(Channel channel, Runnable reply) {
        boolean now;
        lock.lock();
        try {
            if (!running || failure != null) {
                // A reply that cannot be made durable is never sent: the client sees a broken connection.
                channel.close();
                return;
            }
            long needed = started;
            if (durability.hasUnsavedChanges()) {
                // A commit in flight that has not yet taken its snapshot will include what this reply saw.
                boolean snapshotPending = started > durable && durability.snapshotVersion() == versionAtStart;
                needed = snapshotPending ? started : started + 1;
            }
            Long channelTicket = channel.attr(CHANNEL_TICKET).get();
            if (channelTicket != null) {
                needed = Math.max(needed, channelTicket);
            }
            now = needed <= durable;
            if (!now) {
                waiting.computeIfAbsent(needed, n -> new ArrayList<>()).add(reply);
                channel.attr(CHANNEL_TICKET).set(needed);
                deferredReplies.incrementAndGet();
                if (needed > requested) {
                    requested = needed;
                    work.signal();
                }
            }
        } finally {
            lock.unlock();
        }
        if (now) {
            reply.run();
        }
    }

    /** Commits made so far (for tests and benchmarks: how many replies shared each). */
    long commits() {
        return commits.get();
    }

    /** Replies that waited for a commit. */
    long deferredReplies() {
        return deferredReplies.get();
    }

    /** Housekeeping rounds run so far. */
    long housekeepings() {
        return housekeepings.get();
    }

    private void run() {
        while (true) {
            long ticket;
            lock.lock();
            try {
                while (running && requested <= durable) {
                    if (!work.await(idle.toMillis(), TimeUnit.MILLISECONDS)) {
                        idle();
                    }
                }
                if (!running && requested <= durable) {
                    return;
                }
                ticket = ++started;
                versionAtStart = durability.snapshotVersion();
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            List<Runnable> ready = new ArrayList<>();
            try {
                commitAndSync();
                lock.lock();
                try {
                    durable = ticket;
                    Map<Long, List<Runnable>> due = waiting.headMap(ticket, true);
                    due.values().forEach(ready::addAll);
                    due.clear();
                } finally {
                    lock.unlock();
                }
            } catch (RuntimeException | Error e) {
                fail(e);
                return;
            }
            ready.forEach(GroupCommit::send);
        }
    }

    /**
     * Called with the lock held after a quiet second: commit leftovers, and keep the file from fragmenting. The
     * housekeeping runs without the lock: it may wait for writing commands to finish (the journal's), and a command
     * hands its reply over under this lock.
     */
    private void idle() {
        boolean housekeeping = System.nanoTime() - lastHousekeeping > housekeepingEvery.toNanos();
        if (housekeeping) {
            lastHousekeeping = System.nanoTime();
            housekeepings.incrementAndGet();
            boolean more;
            lock.unlock();
            try {
                more = durability.housekeeping();
            } finally {
                lock.lock();
            }
            // A file being shortened or compacted a step at a time goes on at the next quiet second; a bounded
            // number of times, so a store that always finds something to rewrite is not rewritten without end.
            quickRounds = more && quickRounds < MAX_QUICK_ROUNDS ? quickRounds + 1 : 0;
            if (quickRounds > 0) {
                lastHousekeeping = System.nanoTime() - housekeepingEvery.toNanos();
            }
        }
        if (durability.hasUnsavedChanges() && requested <= started) {
            // Writes nobody waits for (unacknowledged ones, housekeeping): the loop commits them as ticket started + 1.
            requested = started + 1;
        }
    }

    private void commitAndSync() {
        durability.persist();
        commits.incrementAndGet();
    }

    private void fail(Throwable e) {
        log.error("The MongoDB store cannot be committed; replies that wait for it are never sent", e);
        lock.lock();
        try {
            failure = e;
            waiting.clear();
        } finally {
            lock.unlock();
        }
    }

    private static void send(Runnable reply) {
        try {
            reply.run();
        } catch (RuntimeException e) {
            log.warn("A reply could not be sent", e);
        }
    }

    /** Commits and syncs whatever is left, sends the replies that waited for it, and stops the committer. */
    @Override
    public void close() {
        lock.lock();
        try {
            running = false;
            if (durability.hasUnsavedChanges() && requested <= started) {
                requested = started + 1;
            }
            work.signal();
        } finally {
            lock.unlock();
        }
        try {
            committer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        durability.close();
        log.info("Group commit stopped after {} commits for {} replies that waited", commits.get(),
            deferredReplies.get());
    }
}
