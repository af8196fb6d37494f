package cn.huiyin.platform.embedded;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.DataType;

/**
 * A map of the embedded store whose changes a {@link Journal} makes durable: it remembers which keys were written
 * since the journal last took them. Every write of an {@link MVMap} (put, remove, putIfAbsent, replace, and H2's own
 * page rewrites) goes through {@link #operate}.
 */
final class JournaledMap<K, V> extends MVMap<K, V> {

    private final Journal journal;
    private volatile Set<K> written = ConcurrentHashMap.newKeySet();

    private JournaledMap(Map<String, Object> config, DataType<K> keyType, DataType<V> valueType, Journal journal) {
        super(config, keyType, valueType);
        this.journal = journal;
    }

    @Override
    public V operate(K key, V value, DecisionMaker<? super V> decisionMaker) {
        // Noted before the write: whoever sees the new value also sees that the journal has something unsaved.
        written.add(key);
        journal.written(this);
        return super.operate(key, value, decisionMaker);
    }

    @Override
    public void clear() {
        super.clear();
        // Not worth a record per key: the next commit of the journal is a checkpoint of the whole store.
        journal.restructured();
    }

    /** The keys written since the last call; the caller holds the journal's lock, so no write is in progress. */
    Set<K> takeWritten() {
        Set<K> taken = written;
        written = ConcurrentHashMap.newKeySet();
        return taken;
    }

    /** Opens maps of this kind, each known to {@code journal} by its id. */
    static final class Builder<K, V> extends MVMap.BasicBuilder<MVMap<K, V>, K, V> {

        private final Journal journal;

        Builder(Journal journal, DataType<K> keyType, DataType<V> valueType) {
            this.journal = journal;
            if (keyType != null) {
                setKeyType(keyType);
            }
            if (valueType != null) {
                setValueType(valueType);
            }
        }

        @Override
        protected MVMap<K, V> create(Map<String, Object> config) {
            config.put("singleWriter", Boolean.FALSE);
            JournaledMap<K, V> map = new JournaledMap<>(config, getKeyType(), getValueType(), journal);
            journal.opened(map);
            return map;
        }
    }
}
