package cn.huiyin.platform.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A non-unique index kept in an MVStore map of the same store as the documents, so the group commit that makes a
 * write durable makes its index entries durable too. One entry per document and key value (several for an array
 * value: a multikey index), ordered by MongoDB's value order in the index's directions; the document's position
 * ({@code _id}) ends each key, which keeps entries of equal values distinct and ordered by {@code _id}.
 *
 * <p>Whether the map holds a complete index is recorded in the collection's meta map (a format marker). Data files
 * written before secondary indexes existed have no marker: the index is built once from the documents when the
 * collection opens, and the marker is committed with it, so later restarts read nothing.
 */
final class SecondaryIndex extends Index<Object> {

    /** Changes when the layout of the entries changes; an index with another marker is rebuilt. */
    static final String FORMAT = "huiyin-secondary-index/1";

    private static final String ID_FIELD = "_id";

    private final MVMap<KeyValue, Boolean> map;
    private final BsonDataTypes.IndexKeyType keyType;
    private final MVMap<String, Object> meta;
    private final String builtKey;
    private final String builtValue;
    private final String multikeyKey;
    private volatile boolean built;
    /** Bit i set once a document had an array at field i (MongoDB's multikey paths). */
    private volatile int multikeyFields;

    SecondaryIndex(MVMap<KeyValue, Boolean> map, BsonDataTypes.IndexKeyType keyType, MVMap<String, Object> meta,
                   String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
        this.keyType = keyType;
        this.meta = meta;
        this.builtKey = builtKey(name);
        this.multikeyKey = "secondaryIndex." + name + ".multikey";
        this.builtValue = FORMAT + " " + toIndexDescription().get("key").toString() + (sparse ? " sparse" : "");
        this.built = builtValue.equals(meta.get(builtKey));
        this.multikeyFields = built && meta.get(multikeyKey) instanceof Integer fields ? fields : 0;
    }

    /** Where the meta map records that the index is complete. */
    static String builtKey(String indexName) {
        return "secondaryIndex." + indexName;
    }

    /** Before a build: whatever is there (a build a crash interrupted, an older layout) goes. */
    void clearForBuild() {
        map.clear();
        meta.remove(multikeyKey);
        multikeyFields = 0;
    }

    /** Called once the collection has added every document: from now on the index is complete and stays so. */
    void markBuilt() {
        if (!built) {
            meta.put(builtKey, builtValue);
            built = true;
        }
    }

    /** Whether some document had an array at any of the index's fields: it may have several entries. */
    boolean isMultikey() {
        return multikeyFields != 0;
    }

    /** Whether some document had an array at this field. */
    boolean isMultikey(int component) {
        return (multikeyFields & (1 << component)) != 0;
    }

    boolean isDescending(int component) {
        return !getKeys().get(component).isAscending();
    }

    List<String> fields() {
        return keys();
    }

    boolean sparse() {
        return isSparse();
    }

    /** True until the index has been built: the collection then adds every document (upstream's build). */
    @Override
    public boolean isEmpty() {
        return !built;
    }

    @Override
    public Object getPosition(Document document) {
        // The unique _id index answers where a document is; a secondary index would only repeat it.
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // Fails before the document is stored if it cannot be indexed (parallel arrays), as MongoDB does.
        getKeyValues(document);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        if (skips(document)) {
            return;
        }
        for (KeyValue keyValue : getKeyValues(document)) {
            map.put(withPosition(keyValue, position), Boolean.TRUE);
        }
        int arrays = arrayFields(document);
        if ((multikeyFields | arrays) != multikeyFields) {
            multikeyFields |= arrays;
            meta.put(multikeyKey, multikeyFields);
        }
    }

    @Override
    public Object remove(Document document) {
        if (skips(document)) {
            return null;
        }
        Object position = positionOf(document);
        for (KeyValue keyValue : getKeyValues(document)) {
            map.remove(withPosition(keyValue, position));
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        getKeyValues(newDocument);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
        if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
            if (!skips(oldDocument)) {
                for (KeyValue keyValue : getKeyValues(oldDocument)) {
                    map.remove(withPosition(keyValue, position));
                }
            }
            add(newDocument, position, collection);
        }
    }

    /** Upstream's planner never picks this index; {@code NarrowingCollection} plans with {@link #scan}. */
    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("scanned by NarrowingCollection");
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        map.clear();
        meta.remove(builtKey);
        meta.remove(multikeyKey);
        built = false;
        multikeyFields = 0;
    }

    /**
     * The positions of the entries strictly between {@code prefix + start} and {@code prefix + end} (both bounds
     * in index order, at the component after the prefix), in index order or reversed.
     */
    Iterator<Object> scan(List<Object> prefix, Object start, Object end, boolean reverse) {
        KeyValue from = lookupKey(prefix, start);
        KeyValue to = lookupKey(prefix, end);
        Cursor<KeyValue, Boolean> cursor = reverse ? map.cursor(to, null, true) : map.cursor(from, null, false);
        KeyValue stop = reverse ? from : to;
        return new Iterator<>() {
            private KeyValue next = advance();

            private KeyValue advance() {
                if (!cursor.hasNext()) {
                    return null;
                }
                KeyValue key = cursor.next();
                int c = keyType.compare(key, stop);
                return (reverse ? c <= 0 : c >= 0) ? null : key;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Object next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Object position = next.get(next.size() - 1);
                next = advance();
                return position;
            }
        };
    }

    /**
     * The distinct values of the field after {@code prefix} between start and end, in index order, found by
     * jumping from one value to the next; null if there are more than {@code max}.
     */
    List<Object> distinctValues(List<Object> prefix, Object start, Object end, int max) {
        List<Object> values = new ArrayList<>();
        KeyValue to = lookupKey(prefix, end);
        KeyValue from = lookupKey(prefix, start);
        boolean descending = isDescending(prefix.size());
        while (true) {
            KeyValue key = map.ceilingKey(from);
            if (key == null || keyType.compare(key, to) >= 0) {
                return values;
            }
            Object value = key.get(prefix.size());
            values.add(value);
            if (values.size() > max) {
                return null;
            }
            from = lookupKey(prefix, descending ? BsonDataTypes.Bound.before(value) : BsonDataTypes.Bound.after(value));
        }
    }

    private static KeyValue lookupKey(List<Object> prefix, Object bound) {
        List<Object> values = new ArrayList<>(prefix.size() + 1);
        values.addAll(prefix);
        values.add(bound);
        return new KeyValue(values);
    }

    private boolean skips(Document document) {
        return isSparse() && keys().stream().allMatch(key -> Utils.getSubdocumentValue(document, key) instanceof Missing);
    }

    private int arrayFields(Document document) {
        int arrays = 0;
        List<String> fields = keys();
        for (int i = 0; i < fields.size() && i < Integer.SIZE; i++) {
            if (Utils.getSubdocumentValueCollectionAware(document, fields.get(i)) instanceof Collection) {
                arrays |= 1 << i;
            }
        }
        return arrays;
    }

    private static Object positionOf(Document document) {
        return Missing.ofNullable(Utils.getSubdocumentValue(document, ID_FIELD));
    }

    private static KeyValue withPosition(KeyValue keyValue, Object position) {
        List<Object> values = new ArrayList<>(keyValue.size() + 1);
        keyValue.forEach(values::add);
        values.add(position);
        return new KeyValue(values);
    }

    /** Entries in key order, for tests. */
    Set<KeyValue> entries() {
        return map.keySet();
    }
}
