package cn.huiyin.platform.embedded;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write-ahead journal for the embedded store (ADR 0032): what the group commit makes durable is the new value of
 * every key written since its last turn, appended to a small file and forced to the device; the store itself is
 * committed only now and then (a <em>checkpoint</em>). Committing the store rewrites every changed page and its
 * parents up to each map's root, compressed; at 200,000 grievances that cost ~19 ms of CPU per commit and made the
 * store most of the loop's cost. A journal batch costs the encoding of the changed values alone.
 *
 * <p>Every command that may write runs holding {@link #commands()}'s read lock; a turn of the journal takes the write
 * lock to read the written keys' values, so each batch is the state between two writing commands, never half of one
 * (a document without its index entries). Queries take no lock. The values are encoded and written after the lock
 * is released.
 *
 * <p>Creating, dropping or renaming a map, and clearing one, make the next turn a checkpoint: a batch only ever
 * names maps the committed store holds. After a crash, {@link #recover()} applies the batches of the generations
 * the last checkpoint did not cover, in order, then checkpoints.
 */
final class Journal implements GroupCommit.Durability {

    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final String STATE_MAP = "huiyin.journal";
    private static final String GENERATION = "generation";
    /** Replies wait while a checkpoint commits: one that takes this long is worth a line in the log. */
    private static final long SLOW_CHECKPOINT_MS = 500;
    /** How long a stop may spend shortening the file. */
    private static final Duration SHRINK_AT_CLOSE = Duration.ofSeconds(2);

    /** Journal bytes after which the next turn is a checkpoint (default 16 MiB). */
    static final String CHECKPOINT_BYTES_PROPERTY = "huiyin.embedded.checkpoint-bytes";
    /** Seconds after which a non-empty journal is checkpointed (default 60). */
    static final String CHECKPOINT_SECONDS_PROPERTY = "huiyin.embedded.checkpoint-seconds";

    private final MVStore store;
    private final Path storeFile;
    private final long checkpointBytes;
    private final Duration checkpointEvery;
    private final ReentrantReadWriteLock commands = new ReentrantReadWriteLock();
    private final Map<Integer, JournaledMap<?, ?>> maps = new ConcurrentHashMap<>();
    private final Set<JournaledMap<?, ?>> written = ConcurrentHashMap.newKeySet();
    private final MVMap<String, Long> state;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong checkpoints = new AtomicLong();
    /**
     * Reused by every batch (only the group commit's thread appends): a new buffer per batch grew by H2's minimum of
     * 1 MiB, zeroed, whenever the batch outgrew its first guess — 3 % of the launcher's CPU and much of its garbage.
     */
    private final WriteBuffer batchBuffer = new WriteBuffer(1 << 20);
    private volatile boolean restructured;
    private volatile boolean checkpointWanted;
    private volatile long snapshots;
    private volatile Object metaRoot;
    /** The maps the committed store holds: a batch names no other (a query may create a collection, unlocked). */
    private volatile Set<Integer> checkpointedMaps = Set.of();
    private long generation;
    private JournalFile current;
    private long lastCheckpoint = System.nanoTime();

    Journal(MVStore store, Path storeFile) {
        this(store, storeFile, Long.getLong(CHECKPOINT_BYTES_PROPERTY, 16L << 20),
            Duration.ofSeconds(Long.getLong(CHECKPOINT_SECONDS_PROPERTY, 60)));
    }

    Journal(MVStore store, Path storeFile, long checkpointBytes, Duration checkpointEvery) {
        this.store = store;
        this.storeFile = storeFile;
        this.checkpointBytes = checkpointBytes;
        this.checkpointEvery = checkpointEvery;
        this.state = store.openMap(STATE_MAP);
        this.generation = state.getOrDefault(GENERATION, 0L);
        this.metaRoot = store.getMetaMap().getRootPage();
    }

    /** Held for reading by every command that may write, while it runs. */
    ReadWriteLock commands() {
        return commands;
    }

    /** Opens (or creates) a map whose writes this journal makes durable; null types mean H2's generic type. */
    <K, V> MVMap<K, V> open(String name, DataType<K> keyType, DataType<V> valueType) {
        return store.openMap(name, new JournaledMap.Builder<>(this, keyType, valueType));
    }

    void opened(JournaledMap<?, ?> map) {
        maps.put(map.getId(), map);
    }

    void written(JournaledMap<?, ?> map) {
        written.add(map);
    }

    void restructured() {
        restructured = true;
    }

    /** Applies what the last checkpoint did not cover; once, after every map is open and before any client. */
    void recover() {
        List<Long> found = JournalFile.generations(storeFile);
        int applied = 0;
        for (long g : found) {
            if (g < generation) {
                JournalFile.delete(storeFile, g);
                continue;
            }
            for (ByteBuffer batch : JournalFile.read(storeFile, g)) {
                applied += apply(batch);
            }
            generation = Math.max(generation, g);
        }
        if (!found.isEmpty()) {
            log.info("Journal: {} values replayed from {} file(s)", applied, found.size());
            checkpoint();
        }
        // Opened from the file, or created since the journal opened: then the store's metadata changed, and the
        // first turn is a checkpoint anyway.
        checkpointedMaps = Set.copyOf(maps.keySet());
    }

    @Override
    public boolean hasUnsavedChanges() {
        return !written.isEmpty() || restructured || checkpointWanted || metaChanged();
    }

    @Override
    public long snapshotVersion() {
        return snapshots;
    }

    @Override
    public void persist() {
        List<Object[]> values = new ArrayList<>();
        boolean checkpoint;
        commands.writeLock().lock();
        try {
            snapshots++;
            checkpoint = restructured || checkpointWanted || metaChanged()
                || current != null && (current.size() >= checkpointBytes
                    || System.nanoTime() - lastCheckpoint > checkpointEvery.toNanos());
            if (checkpoint) {
                beginCheckpoint();
            } else {
                takeWritten(values);
            }
        } finally {
            commands.writeLock().unlock();
        }
        if (checkpoint) {
            finishCheckpoint();
        } else if (!values.isEmpty()) {
            append(values);
        }
    }

    @Override
    public boolean housekeeping() {
        boolean shortened = shrinkIfCheckpointed();
        // The rewritten pages are written by the checkpoint asked for here.
        boolean compacted = GroupCommit.compactSparseChunks(store);
        if (current != null && current.size() > 0 || store.hasUnsavedChanges()) {
            checkpointWanted = true;
        }
        return shortened || compacted;
    }

    /**
     * Checkpoints what is left and closes the journal; its files are gone afterwards. Then, for at most
     * {@link #SHRINK_AT_CLOSE}, rewrites sparse chunks and shortens the file, which a busy store rarely finds the
     * quiet time for.
     */
    @Override
    public void close() {
        checkpoint();
        long stopAt = System.nanoTime() + SHRINK_AT_CLOSE.toNanos();
        do {
            GroupCommit.compactSparseChunks(store);
            if (store.hasUnsavedChanges()) {
                checkpoint();
            }
        } while (GroupCommit.shrinkFile(store) && System.nanoTime() < stopAt);
    }

    /**
     * Shortens the file when everything written is in the store: moving chunks commits the store, which must then
     * hold whole commands only, as a checkpoint does; writing commands wait meanwhile.
     */
    private boolean shrinkIfCheckpointed() {
        commands.writeLock().lock();
        try {
            return current == null && written.isEmpty() && !restructured && !checkpointWanted && !metaChanged()
                && !store.hasUnsavedChanges() && GroupCommit.shrinkFile(store);
        } finally {
            commands.writeLock().unlock();
        }
    }

    long batches() {
        return batches.get();
    }

    long checkpoints() {
        return checkpoints.get();
    }

    private void checkpoint() {
        commands.writeLock().lock();
        try {
            snapshots++;
            beginCheckpoint();
        } finally {
            commands.writeLock().unlock();
        }
        finishCheckpoint();
    }

    /** With the write lock held: everything written so far is the checkpoint's; later batches go to a new file. */
    private void beginCheckpoint() {
        for (Iterator<JournaledMap<?, ?>> maps = written.iterator(); maps.hasNext(); ) {
            maps.next().takeWritten();
            maps.remove();
        }
        restructured = false;
        checkpointWanted = false;
        generation++;
        state.put(GENERATION, generation);
        metaRoot = store.getMetaMap().getRootPage();
        checkpointedMaps = Set.copyOf(maps.keySet());
    }

    private void finishCheckpoint() {
        long start = System.nanoTime();
        store.commit();
        store.sync();
        lastCheckpoint = System.nanoTime();
        checkpoints.incrementAndGet();
        long millis = (lastCheckpoint - start) / 1_000_000;
        if (millis >= SLOW_CHECKPOINT_MS) {
            log.info("Journal checkpoint {}: the store took {} ms to commit ({} bytes of journal)", generation,
                millis, current == null ? 0 : current.size());
        }
        if (current != null) {
            current.close();
            current = null;
        }
        for (long g : JournalFile.generations(storeFile)) {
            if (g < generation) {
                JournalFile.delete(storeFile, g);
            }
        }
    }

    private boolean metaChanged() {
        return store.getMetaMap().getRootPage() != metaRoot;
    }

    /** With the write lock held: each written key of each map with its value now (null: removed). */
    private void takeWritten(List<Object[]> values) {
        for (Iterator<JournaledMap<?, ?>> maps = written.iterator(); maps.hasNext(); ) {
            JournaledMap<?, ?> map = maps.next();
            if (!checkpointedMaps.contains(map.getId())) {
                // Created since the last checkpoint by a query: the next turn is a checkpoint, which holds it.
                restructured = true;
                continue;
            }
            maps.remove();
            for (Object key : map.takeWritten()) {
                values.add(new Object[] {map, key, map.get(key)});
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void append(List<Object[]> values) {
        WriteBuffer buffer = batchBuffer.clear();
        buffer.putVarInt(values.size());
        for (Object[] value : values) {
            MVMap map = (MVMap) value[0];
            buffer.putVarInt(map.getId());
            map.getKeyType().write(buffer, value[1]);
            buffer.put((byte) (value[2] == null ? 0 : 1));
            if (value[2] != null) {
                map.getValueType().write(buffer, value[2]);
            }
        }
        if (current == null) {
            current = JournalFile.create(storeFile, generation);
        }
        ByteBuffer payload = buffer.getBuffer();
        payload.flip();
        current.append(payload);
        batches.incrementAndGet();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int apply(ByteBuffer batch) {
        int count = DataUtils.readVarInt(batch);
        for (int i = 0; i < count; i++) {
            int id = DataUtils.readVarInt(batch);
            MVMap map = maps.get(id);
            if (map == null) {
                throw new IllegalStateException("The journal of " + storeFile + " writes to map " + id + " ("
                    + store.getMapName(id) + "), which the store did not open; the file may be from another version");
            }
            Object key = map.getKeyType().read(batch);
            if (batch.get() == 0) {
                map.remove(key);
            } else {
                map.put(key, map.getValueType().read(batch));
            }
        }
        return count;
    }
}
