package cn.huiyin.platform.embedded;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.netty.channel.Channel;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, with the fixes that keep the embedded store fast as it grows.
 *
 * <p>It keeps the secondary indexes services declare, plans queries with them and answers {@code explain} in
 * MongoDB's shape ({@link SecondaryIndex}, {@link IndexPlanner}, {@link Explain}; ADR 0028).
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

    /**
     * Set to {@code false} to keep no secondary index, as this server did before they were kept (an empty stand-in:
     * every query scans). Only for measuring the difference (deploy/benchmarks); data files stay compatible.
     */
    public static final String SECONDARY_INDEXES_PROPERTY = "huiyin.embedded.secondary-indexes";

    /**
     * Set to {@code false} to send every update through upstream's path, as before {@link PlainUpdate}: for measuring
     * the difference (deploy/benchmarks), or to rule it out.
     */
    public static final String PLAIN_UPDATES_PROPERTY = "huiyin.embedded.plain-updates";

    // H2Backend's constructor opens the stored databases, before this class's fields are set: the settings travel
    // to them in a thread-local during construction.
    private static final ThreadLocal<Settings> CONSTRUCTING = new ThreadLocal<>();

    private record Settings(boolean secondaryIndexes, Journal journal) {
    }

    private final Settings settings;

    public IndexNarrowingH2Backend(MVStore store) {
        this(store, null);
    }

    /** With {@code journal} making the writes durable (null: the group commit commits the store itself). */
    IndexNarrowingH2Backend(MVStore store, Journal journal) {
        this(store, !"false".equalsIgnoreCase(System.getProperty(SECONDARY_INDEXES_PROPERTY)), journal);
    }

    IndexNarrowingH2Backend(MVStore store, boolean secondaryIndexes) {
        this(store, secondaryIndexes, null);
    }

    private IndexNarrowingH2Backend(MVStore store, boolean secondaryIndexes, Journal journal) {
        super(constructing(store, new Settings(secondaryIndexes, journal)));
        this.settings = CONSTRUCTING.get();
        CONSTRUCTING.remove();
    }

    private static MVStore constructing(MVStore store, Settings settings) {
        CONSTRUCTING.set(settings);
        return store;
    }

    private Settings settings() {
        return settings != null ? settings : CONSTRUCTING.get();
    }

    private boolean keepsSecondaryIndexes() {
        return settings().secondaryIndexes();
    }

    /** Every map of a collection is opened here: journaled when the store has a journal. */
    private <K, V> MVMap<K, V> openMap(String name, DataType<K> keyType, DataType<V> valueType) {
        Journal journal = settings().journal();
        if (journal != null) {
            return journal.open(name, keyType, valueType);
        }
        MVMap.Builder<K, V> builder = new MVMap.Builder<>();
        if (keyType != null) {
            builder.keyType(keyType);
        }
        if (valueType != null) {
            builder.valueType(valueType);
        }
        return getMvStore().openMap(name, builder);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (command.equalsIgnoreCase("hello")) {
            Document response = super.handleCommand(channel, databaseName, "ismaster", query);
            response.put("isWritablePrimary", Boolean.TRUE);
            return response;
        }
        if (command.equalsIgnoreCase("explain") && query.get(command) instanceof Document explained) {
            return Explain.explain(resolveDatabase(databaseName), explained);
        }
        Document match = command.equalsIgnoreCase("aggregate") && keepsSecondaryIndexes()
            ? Explain.leadingMatch(query.get("pipeline")) : null;
        if (match != null && resolveDatabase(databaseName).resolveCollection(String.valueOf(query.get(command)), false)
                instanceof NarrowingCollection collection) {
            Document counted = countByIndex(databaseName, collection, match, query.get("pipeline"));
            if (counted != null) {
                return counted;
            }
            // Upstream's aggregation reads the whole collection; its first $match can use an index instead (the
            // driver's countDocuments, which Spring Data's count uses, is such a pipeline).
            return collection.withLeadingMatch(match,
                () -> super.handleCommand(channel, databaseName, command, query));
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
            MVMap<KeyValue, Object> map = openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                BsonDataTypes.KeyValueType.INSTANCE, null);
            return new UniqueIndex(map, indexName, keys, sparse);
        }

        /**
         * Upstream keeps no secondary index: it stands in an index that holds nothing and says it is empty, and an
         * empty index is filled by reading every document of the collection, at every restart. Here the index is a
         * map of the same store ({@link SecondaryIndex}), built once and kept.
         */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                           boolean sparse) {
            if (!keepsSecondaryIndexes()) {
                // Writes now would not reach the index: a later start with indexes must rebuild it.
                openMap(META_PREFIX + getFullCollectionNamespace(collectionName), null, null)
                    .remove(SecondaryIndex.builtKey(indexName));
                return noSecondaryIndex(indexName, keys);
            }
            boolean[] descending = new boolean[keys.size()];
            for (int i = 0; i < descending.length; i++) {
                descending[i] = !keys.get(i).isAscending();
            }
            BsonDataTypes.IndexKeyType keyType = new BsonDataTypes.IndexKeyType(descending);
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<KeyValue, Boolean> map = openMap(fullName + "._index_" + indexName, keyType, null);
            MVMap<String, Object> meta = openMap(META_PREFIX + fullName, null, null);
            return new SecondaryIndex(map, keyType, meta, indexName, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = openMap(DATA_PREFIX + fullName, null,
                BsonDataTypes.DocumentType.INSTANCE);
            MVMap<String, Object> metaMap = openMap(META_PREFIX + fullName, null, null);
            return new NarrowingCollection(this, collectionName, options, dataMap, metaMap, getCursorRegistry());
        }
    }

    /**
     * The driver's {@code countDocuments} (and so Spring Data's {@code count}) is the pipeline
     * {@code [$match, ($skip), ($limit), {$group: {_id: 1, n: {$sum: 1}}}]}: answered from index keys alone when the
     * index bounds are exactly the filter, as MongoDB's COUNT_SCAN does; null otherwise.
     */
    private static Document countByIndex(String databaseName, NarrowingCollection collection, Document match,
                                         Object pipeline) {
        if (!(pipeline instanceof List<?> stages) || stages.size() < 2
            || !(stages.get(stages.size() - 1) instanceof Document last)
            || !(last.get("$group") instanceof Document group) || group.size() != 2 || !group.containsKey("_id")) {
            return null;
        }
        String field = group.keySet().stream().filter(key -> !key.equals("_id")).findFirst().orElseThrow();
        if (!(group.get(field) instanceof Document sum) || sum.size() != 1
            || !(sum.get("$sum") instanceof Number one) || one.intValue() != 1) {
            return null;
        }
        long skip = 0;
        long limit = -1;
        for (Object stage : stages.subList(1, stages.size() - 1)) {
            if (stage instanceof Document d && d.size() == 1 && d.get("$skip") instanceof Number n) {
                skip = n.longValue();
            } else if (stage instanceof Document d && d.size() == 1 && d.get("$limit") instanceof Number n) {
                limit = n.longValue();
            } else {
                return null;
            }
        }
        long count = collection.countByIndex(match);
        if (count < 0) {
            return null;
        }
        count = Math.max(0, count - skip);
        if (limit >= 0) {
            count = Math.min(count, limit);
        }
        List<Document> batch = count == 0 ? List.of()
            : List.of(new Document("_id", group.get("_id")).append(field, count <= Integer.MAX_VALUE ? (Object) (int) count
                : (Object) count));
        Document cursor = new Document("id", 0L)
            .append("ns", databaseName + "." + collection.getCollectionName())
            .append("firstBatch", batch);
        return new Document("cursor", cursor).append("ok", 1.0);
    }

    /**
     * The stand-in this server used before it kept secondary indexes: it holds nothing and says it is not empty, so
     * nothing is read for it at a restart; every query scans.
     */
    private static Index<Object> noSecondaryIndex(String indexName, List<IndexKey> keys) {
        return new EmptyIndex<>(indexName, keys) {
            @Override
            public boolean isEmpty() {
                return false;
            }
        };
    }

    static final class NarrowingCollection extends H2Collection {

        private static final ThreadLocal<Map.Entry<NarrowingCollection, Document>> LEADING_MATCH = new ThreadLocal<>();

        /** A selector that does not name one document by a plain {@code _id}. */
        private static final Object NOT_BY_ID = new Object();
        private static final boolean PLAIN_UPDATES =
            !"false".equalsIgnoreCase(System.getProperty(PLAIN_UPDATES_PROPERTY));

        private final AtomicInteger indexBuilds = new AtomicInteger();
        private final AtomicLong plainUpdates = new AtomicLong();
        private final MVMap<Object, Document> documents;

        NarrowingCollection(MongoDatabase database, String name, CollectionOptions options,
                            MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursors) {
            super(database, name, options, dataMap, metaMap, cursors);
            this.documents = dataMap;
        }

        /**
         * Upstream keeps a running total of the collection's BSON size: every insert, update and delete encodes the
         * whole document (an update both versions) and rewrites one counter that every write of the collection
         * shares. Only {@code collStats} reads it; it is computed when asked instead.
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        protected int getDataSize() {
            if (documents == null) {
                // Upstream's constructor logs the size: not worth reading every document at every start.
                return 0;
            }
            long size = 0;
            for (Document document : documents.values()) {
                size += BsonDataTypes.encode(document).length;
            }
            return (int) Math.min(Integer.MAX_VALUE, size);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            long start = System.nanoTime();
            Explain.Stats stats = new Explain.Stats();
            QueryResult result = execute(query, orderBy, numberToSkip, limit, batchSize, fieldSelector, stats);
            SlowQueries.ran(getFullName(), query, orderBy, start, stats.keysExamined(), stats.docsExamined());
            return result;
        }

        /** Answers a query as {@link #queryDocuments} does, recording the plan and what it examined. */
        QueryResult execute(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                            Document fieldSelector, Explain.Stats stats) {
            Document filter = query == null ? new Document() : query;
            List<Index<Object>> indexes = getIndexes();
            for (Index<Object> index : indexes) {
                if (index.canHandle(filter)) {
                    return matchPositions(filter, index, index.getPositions(filter), orderBy, numberToSkip, limit,
                        batchSize, fieldSelector, stats);
                }
            }
            for (Index<Object> index : indexes) {
                Document pinned = pinnedKeys(filter, index);
                if (pinned != null && index.canHandle(pinned)) {
                    return matchPositions(filter, index, index.getPositions(pinned), orderBy, numberToSkip, limit,
                        batchSize, fieldSelector, stats);
                }
            }
            List<IndexPlanner.Plan> plans = IndexPlanner.choose(filter, orderBy, secondaryIndexes());
            if (!plans.isEmpty()) {
                return scan(plans, filter, orderBy, numberToSkip, limit, batchSize, fieldSelector, stats);
            }
            stats.collectionScan(count());
            return matchDocuments(filter, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        private QueryResult matchPositions(Document query, Index<Object> index, Iterable<Object> positions,
                                           Document orderBy, int numberToSkip, int limit, int batchSize,
                                           Document fieldSelector, Explain.Stats stats) {
            List<Object> found = new ArrayList<>();
            positions.forEach(found::add);
            stats.uniqueLookup(index, found.size());
            return matchDocuments(query, found, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /**
         * Reads the documents of the plans' index entries (once each) and matches the whole query against each.
         * When a single scan yields the requested order, it stops once skip + limit documents have matched.
         */
        private QueryResult scan(List<IndexPlanner.Plan> plans, Document query, Document orderBy, int numberToSkip,
                                 int limit, int batchSize, Document fieldSelector, Explain.Stats stats) {
            boolean sorted = orderBy != null && !orderBy.isEmpty();
            if (sorted && plans.size() == 1 && plans.get(0).explodedReverse() != null) {
                plans = explode(plans.get(0));
            }
            boolean served = plans.stream().allMatch(IndexPlanner.Plan::sortServed);
            boolean ordered = served && (plans.size() == 1 || !sorted);
            int wanted = served && limit > 0 ? numberToSkip + limit : -1;
            List<Matches> scans = new ArrayList<>();
            for (IndexPlanner.Plan plan : plans) {
                scans.add(new Matches(plan, query));
            }
            // A document may be found by several alternatives of an $or: it is returned once.
            Set<Object> emitted = plans.size() > 1 ? new HashSet<>() : null;
            List<Document> matched = new ArrayList<>();
            try {
                if (served && sorted && plans.size() > 1) {
                    // Every alternative yields its documents in the requested order: merge them (SORT_MERGE).
                    Comparator<Document> order = deriveComparator(orderBy);
                    while (wanted < 0 || matched.size() < wanted) {
                        Matches first = null;
                        for (Matches scan : scans) {
                            if (scan.head() != null && (first == null
                                || order.compare(scan.head(), first.head()) < 0)) {
                                first = scan;
                            }
                        }
                        if (first == null) {
                            break;
                        }
                        Object position = first.headPosition();
                        Document document = first.take();
                        if (emitted.add(position)) {
                            matched.add(document);
                        }
                    }
                    ordered = true;
                } else {
                    scanning:
                    for (Matches scan : scans) {
                        while (scan.head() != null) {
                            Object position = scan.headPosition();
                            Document document = scan.take();
                            if (emitted == null || emitted.add(position)) {
                                matched.add(document);
                            }
                            if (wanted > 0 && matched.size() >= wanted) {
                                break scanning;
                            }
                        }
                    }
                }
            } finally {
                scans.forEach(scan -> stats.indexScan(scan.plan, scan.keys, scan.documents));
            }
            stats.ordered(ordered, ordered && sorted && plans.size() > 1);
            Comparator<Document> order = ordered ? null : deriveComparator(orderBy);
            return super.matchDocumentsFromStream(new Document(), matched.stream().map(Document::cloneDeeply),
                numberToSkip, limit, batchSize, order, fieldSelector);
        }

        /** One scan in sort order per prefix, or per distinct value of the ranged field; the plan itself if too many. */
        private static List<IndexPlanner.Plan> explode(IndexPlanner.Plan plan) {
            List<IndexPlanner.Plan> scans = new ArrayList<>();
            for (List<Object> prefix : plan.prefixes()) {
                if (!plan.explodeRange()) {
                    scans.add(plan.exploded(prefix, null));
                    continue;
                }
                List<Object> values = plan.index().distinctValues(prefix, plan.start(), plan.end(),
                    IndexPlanner.MAX_EXPLODED);
                if (values == null) {
                    return List.of(plan);
                }
                values.forEach(value -> scans.add(plan.exploded(prefix, value)));
                if (scans.size() > IndexPlanner.MAX_EXPLODED) {
                    return List.of(plan);
                }
            }
            return scans.isEmpty() ? List.of(plan) : scans;
        }

        /** The documents of one plan's entries that match the query, read one at a time in index order. */
        private final class Matches {

            private final IndexPlanner.Plan plan;
            private final Document query;
            // A multikey index has an entry per array element: a document is read once per scan.
            private final Set<Object> seen;
            private final Iterator<List<Object>> prefixes;
            private Iterator<Object> positions = java.util.Collections.emptyIterator();
            private Document head;
            private Object headPosition;
            private boolean fetched;
            private long keys;
            private long documents;

            Matches(IndexPlanner.Plan plan, Document query) {
                this.plan = plan;
                this.query = query;
                this.seen = plan.index().isMultikey() ? new HashSet<>() : null;
                this.prefixes = plan.prefixes().iterator();
            }

            /** The next matching document, read when first asked for (a page reads no document past its end). */
            Document head() {
                if (!fetched) {
                    advance();
                    fetched = true;
                }
                return head;
            }

            Object headPosition() {
                head();
                return headPosition;
            }

            Document take() {
                Document taken = head();
                fetched = false;
                return taken;
            }

            private void advance() {
                head = null;
                headPosition = null;
                while (true) {
                    while (!positions.hasNext()) {
                        if (!prefixes.hasNext()) {
                            return;
                        }
                        positions = plan.index().scan(prefixes.next(), plan.start(), plan.end(), plan.reverse());
                    }
                    Object position = positions.next();
                    keys++;
                    if (seen != null && !seen.add(position)) {
                        continue;
                    }
                    Document document = getDocument(position);
                    documents++;
                    if (document != null && documentMatchesQuery(document, query)) {
                        head = document;
                        headPosition = position;
                        return;
                    }
                }
            }
        }

        private List<SecondaryIndex> secondaryIndexes() {
            List<SecondaryIndex> secondary = new ArrayList<>();
            for (Index<Object> index : getIndexes()) {
                if (index instanceof SecondaryIndex s) {
                    secondary.add(s);
                }
            }
            return secondary;
        }

        /**
         * How many documents match, from index keys alone, when the plan's bounds are exactly the filter; -1 when
         * documents would have to be read.
         */
        long countByIndex(Document filter) {
            if (filter.isEmpty()) {
                // Every document: the map knows how many it holds. (Matched one by one, a count of a 200,000-document
                // collection copied every document into memory and ran a 1 GB launcher out of heap.)
                return count();
            }
            List<IndexPlanner.Plan> plans = IndexPlanner.choose(filter, null, secondaryIndexes());
            if (plans.isEmpty() || plans.stream().anyMatch(plan -> !plan.exact())) {
                return -1;
            }
            Set<Object> seen = plans.size() > 1 || plans.get(0).index().isMultikey() ? new HashSet<>() : null;
            long count = 0;
            for (IndexPlanner.Plan plan : plans) {
                for (List<Object> prefix : plan.prefixes()) {
                    Iterator<Object> positions = plan.index().scan(prefix, plan.start(), plan.end(), false);
                    while (positions.hasNext()) {
                        Object position = positions.next();
                        if (seen == null || seen.add(position)) {
                            count++;
                        }
                    }
                }
            }
            return count;
        }

        @Override
        public int count(Document query, int skip, int limit) {
            long counted = query == null || query.isEmpty() ? -1 : countByIndex(query);
            if (counted < 0) {
                return super.count(query, skip, limit);
            }
            counted = Math.max(0, counted - Math.max(skip, 0));
            return (int) (limit > 0 ? Math.min(counted, limit) : counted);
        }

        /** Builds a new index from the documents (upstream's build), then marks it complete in the same store. */
        @Override
        public synchronized void addIndex(Index<Object> index) {
            boolean builds = index instanceof SecondaryIndex && index.isEmpty()
                && getIndexes().stream().noneMatch(existing -> existing.getName().equals(index.getName()));
            if (builds) {
                ((SecondaryIndex) index).clearForBuild();
            }
            super.addIndex(index);
            if (builds) {
                ((SecondaryIndex) index).markBuilt();
                indexBuilds.incrementAndGet();
            }
        }

        /**
         * Updates by {@code _id} with plain operators ({@link PlainUpdate}) on the stored document, without upstream's
         * copies of it; everything else, and an upsert that inserts, goes to upstream.
         */
        @Override
        public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                     boolean isMulti, boolean isUpsert, Oplog oplog) {
            Object position = PLAIN_UPDATES && arrayFilters.isEmpty() ? positionById(selector) : NOT_BY_ID;
            if (position == NOT_BY_ID) {
                return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
            }
            Document stored = position == null ? null : getDocument(position);
            boolean matched = stored != null && documentMatchesQuery(stored, selector);
            Document updated = matched ? PlainUpdate.apply(stored, update, getIdField()) : null;
            if (matched ? updated == null : isUpsert) {
                return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
            }
            boolean modified = matched && updated != stored;
            if (modified) {
                // An index none of whose keys the update touches keeps its entry as it is.
                List<Index<Object>> touched = new ArrayList<>();
                for (Index<Object> index : getIndexes()) {
                    if (PlainUpdate.touches(update, index.getKeys().stream().map(IndexKey::getKey).toList())) {
                        touched.add(index);
                    }
                }
                for (Index<Object> index : touched) {
                    index.checkUpdate(stored, updated, this);
                }
                for (Index<Object> index : touched) {
                    index.updateInPlace(stored, updated, position, this);
                }
                handleUpdate(position, stored, updated);
                plainUpdates.incrementAndGet();
            }
            oplog.handleUpdate(getFullName(), selector, update, modified ? List.of(stored.get(getIdField())) : List.of());
            return new Document("n", matched ? 1 : 0).append("nModified", modified ? 1 : 0);
        }

        /** Where the document the selector names by a plain {@code _id} is (null: none), or NOT_BY_ID. */
        private Object positionById(Document selector) {
            Object id = idOf(selector);
            if (id == null || id instanceof Document || id instanceof List || id instanceof Missing) {
                return NOT_BY_ID;
            }
            Document byId = new Document(getIdField(), id);
            for (Index<Object> index : getIndexes()) {
                if (index.isUnique() && index.getKeys().size() == 1 && index.canHandle(byId)) {
                    Iterator<Object> found = index.getPositions(byId).iterator();
                    return found.hasNext() ? found.next() : null;
                }
            }
            return NOT_BY_ID;
        }

        /** The selector's {@code _id}, at its top or in one of its top-level {@code $and} clauses (the driver's form). */
        private Object idOf(Document selector) {
            Object id = selector.get(getIdField());
            if (id == null && selector.get("$and") instanceof List<?> clauses) {
                for (Object clause : clauses) {
                    if (clause instanceof Document document && document.get(getIdField()) != null) {
                        return document.get(getIdField());
                    }
                }
            }
            return id;
        }

        /** Updates applied by {@link PlainUpdate} since the collection was opened, for tests. */
        long plainUpdates() {
            return plainUpdates.get();
        }

        /** How many indexes this collection built from its documents since it was opened, for tests. */
        int indexBuilds() {
            return indexBuilds.get();
        }

        /**
         * Runs an aggregation whose pipeline starts with {@code match}: its read of "all documents" gets those the
         * index plan of {@code match} yields instead (the pipeline's $match still filters them).
         */
        <T> T withLeadingMatch(Document match, Supplier<T> aggregation) {
            LEADING_MATCH.set(Map.entry(this, match));
            try {
                return aggregation.get();
            } finally {
                LEADING_MATCH.remove();
            }
        }

        @Override
        public Stream<Document> queryAllAsStream() {
            Map.Entry<NarrowingCollection, Document> match = LEADING_MATCH.get();
            if (match != null && match.getKey() == this) {
                LEADING_MATCH.remove();
                QueryResult result = execute(match.getValue(), null, 0, 0, 0, null, new Explain.Stats());
                return StreamSupport.stream(result.spliterator(), false);
            }
            return StreamSupport.stream(queryAll().spliterator(), false);
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
