package cn.huiyin.platform.embedded;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.netty.channel.Channel;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, with one fix that keeps the embedded store fast as it grows.
 *
 * <p>Upstream uses an index only when a query's keys are exactly the index's keys, so a filter such as
 * {@code {_id: 42, version: 3}} (what an optimistic-locking update sends) scans the whole collection: measured at
 * ~4 s per update with 200,000 documents. Here, when a query pins every key of a unique index to a plain value,
 * the candidates are narrowed through that index first and the full query is then matched against them.
 * Real MongoDB needs no such help; this only brings the embedded server closer to it.
 *
 * <p>It also answers {@code hello}, the handshake and health command of MongoDB 5+ drivers (Spring Boot's MongoDB
 * health check sends it to the service's database), as upstream answers the older {@code isMaster}; and it stores
 * documents as BSON and index keys in MongoDB's order instead of Java serialization ({@link BsonDataTypes}), which
 * makes its data files incompatible with upstream's.
 *
 * <p>Queries hand out copies of the stored documents. Upstream applies an update by mutating the stored document
 * in place, while H2's background writer may be serialising that same object to disk (a
 * {@code ConcurrentModificationException} under load) and other clients may be encoding it into a reply. With
 * copies, a stored document is never changed after it is written: an update stores a new object.
 */
public class IndexNarrowingH2Backend extends H2Backend {

    // H2Database's own map-name prefixes (not public upstream); the on-disk layout stays upstream's.
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    public IndexNarrowingH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (command.equalsIgnoreCase("hello")) {
            Document response = super.handleCommand(channel, databaseName, "ismaster", query);
            response.put("isWritablePrimary", Boolean.TRUE);
            return response;
        }
        return super.handleCommand(channel, databaseName, command, query);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new NarrowingDatabase(databaseName, getMvStore(), getCursorRegistry());
    }

    /** An inner class: H2Database's constructor already opens collections, before a subclass could set fields. */
    private final class NarrowingDatabase extends H2Database {

        NarrowingDatabase(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
        }


        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVMap<KeyValue, Object> map = getMvStore().openMap(
                getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                new MVMap.Builder<KeyValue, Object>().keyType(BsonDataTypes.KeyValueType.INSTANCE));
            return new UniqueIndex(map, indexName, keys, sparse);
        }

        /**
         * Upstream keeps no secondary index: it stands in an index that holds nothing and says it is empty, and an
         * empty index is filled by reading every document of the collection. That made every restart read each
         * collection once per secondary index (measured: minutes, with services timing out, after 50,000
         * grievances). This stand-in says it is not empty, so nothing is read for it; queries scan as before.
         */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            return new EmptyIndex<>(indexName, keys) {
                @Override
                public boolean isEmpty() {
                    return false;
                }
            };
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            MVMap<Object, Document> dataMap = store.openMap(DATA_PREFIX + fullName,
                new MVMap.Builder<Object, Document>().valueType(BsonDataTypes.DocumentType.INSTANCE));
            MVMap<String, Object> metaMap = store.openMap(META_PREFIX + fullName);
            return new NarrowingCollection(this, collectionName, options, dataMap, metaMap, getCursorRegistry());
        }
    }

    static final class NarrowingCollection extends H2Collection {

        NarrowingCollection(MongoDatabase database, String name, CollectionOptions options,
                            MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
            super(database, name, options, dataMap, metaMap, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            List<Index<Object>> indexes = getIndexes();
            boolean exactIndexMatch = indexes.stream().anyMatch(index -> index.canHandle(query));
            if (!exactIndexMatch) {
                for (Index<Object> index : indexes) {
                    Document pinned = pinnedKeys(query, index);
                    if (pinned != null && index.canHandle(pinned)) {
                        return matchDocuments(query, index.getPositions(pinned), orderBy, numberToSkip, limit,
                            batchSize, fieldSelector);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /** The indexes this collection keeps, for tests. */
        List<Index<Object>> indexes() {
            return getIndexes();
        }

        /** Matches, then copies: everything downstream (updates, projections, replies) works on a private copy. */
        @Override
        protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documentStream,
                                                       int numberToSkip, int limit, int batchSize,
                                                       Comparator<Document> documentComparator,
                                                       Document fieldSelector) {
            Stream<Document> copies = documentStream
                .filter(document -> documentMatchesQuery(document, query))
                .map(Document::cloneDeeply);
            // The copies already match, so upstream's own filter gets the empty query, which matches everything.
            return super.matchDocumentsFromStream(new Document(), copies, numberToSkip, limit, batchSize,
                documentComparator, fieldSelector);
        }

        /** The part of the query that fixes each key of the index to a plain value, or null if it does not. */
        private static Document pinnedKeys(Document query, Index<Object> index) {
            if (query == null || !index.isUnique()) {
                return null;
            }
            Document pinned = new Document();
            for (IndexKey key : index.getKeys()) {
                Object value = query.get(key.getKey());
                if (value == null || value instanceof Document || value instanceof List) {
                    return null;
                }
                pinned.put(key.getKey(), value);
            }
            return pinned.size() < query.size() ? pinned : null;
        }
    }
}
