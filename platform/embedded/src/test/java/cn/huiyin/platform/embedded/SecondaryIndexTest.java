package cn.huiyin.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import com.mongodb.ExplainVerbosity;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecondaryIndexTest {

    private static final long BASE = 1_764_000_000_000L;

    @TempDir
    Path dir;

    /**
     * The same random documents in two servers, one keeping secondary indexes and one scanning (as before): every
     * random query must answer the same, before and after random updates and deletes.
     */
    @Test
    void queriesThroughAnIndexAnswerExactlyAsAScanDoes() {
        Random random = new Random(20261201);
        try (Server indexed = new Server(true); Server scanning = new Server(false)) {
            List<MongoCollection<Document>> both = List.of(indexed.collection(), scanning.collection());
            for (MongoCollection<Document> collection : both) {
                collection.createIndex(Indexes.ascending("a"));
                collection.createIndex(Indexes.compoundIndex(Indexes.ascending("a"), Indexes.descending("b")));
                collection.createIndex(Indexes.ascending("c"));
                collection.createIndex(Indexes.ascending("tags", "b"));
                collection.createIndex(Indexes.ascending("b"), new IndexOptions().sparse(true));
                collection.createIndex(Indexes.ascending("m"));
                collection.createIndex(Indexes.ascending("o.s", "a"));
                collection.createIndex(Indexes.ascending("a", "b"));
            }
            for (int i = 0; i < 400; i++) {
                Document document = randomDocument(random, i);
                both.forEach(collection -> collection.insertOne(new Document(document)));
            }
            int usedIndex = 0;
            for (int round = 0; round < 3; round++) {
                for (int q = 0; q < 300; q++) {
                    Bson filter = randomFilter(random);
                    Bson sort = randomSort(random);
                    int skip = random.nextInt(4) == 0 ? random.nextInt(5) : 0;
                    int limit = random.nextInt(3) == 0 ? 1 + random.nextInt(10) : 0;
                    Function<MongoCollection<Document>, List<Document>> query = collection -> {
                        FindIterable<Document> found = collection.find(filter).skip(skip).limit(limit);
                        return (sort == null ? found : found.sort(sort)).into(new ArrayList<>());
                    };
                    List<Document> expected = query.apply(scanning.collection());
                    List<Document> actual = query.apply(indexed.collection());
                    String description = filter + " sort " + sort + " skip " + skip + " limit " + limit;
                    if (sort == null) {
                        if (limit == 0 && skip == 0) {
                            assertThat(new HashSet<>(actual)).as(description).isEqualTo(new HashSet<>(expected));
                        } else {
                            assertThat(actual).as(description).hasSameSizeAs(expected);
                        }
                    } else {
                        assertThat(actual).as(description).isEqualTo(expected);
                    }
                    assertThat(indexed.collection().countDocuments(filter)).as(description)
                        .isEqualTo(scanning.collection().countDocuments(filter));
                    if (IndexPlans.indexName(indexed.collection().find(filter).explain(ExplainVerbosity.EXECUTION_STATS))
                        != null) {
                        usedIndex++;
                    }
                }
                for (int u = 0; u < 150; u++) {
                    Bson filter = Filters.eq("_id", "D-" + random.nextInt(400));
                    int change = random.nextInt(4);
                    int threshold = random.nextInt(3);
                    Document replacement = randomDocument(random, random.nextInt(400));
                    Bson update = Updates.combine(Updates.set("a", replacement.get("a")),
                        Updates.set("tags", replacement.get("tags")), Updates.set("c", random.nextInt(9) + "x"));
                    for (MongoCollection<Document> collection : both) {
                        switch (change) {
                            case 0 -> collection.deleteOne(filter);
                            case 1 -> collection.updateOne(filter, update);
                            case 2 -> collection.updateMany(Filters.gt("a", threshold),
                                Updates.set("m", "updated"));
                            default -> collection.updateOne(filter, Updates.unset("b"));
                        }
                    }
                    random = new Random(random.nextLong());
                }
                for (int i = 0; i < 60; i++) {
                    Document document = randomDocument(random, 400 + round * 100 + i);
                    both.forEach(collection -> collection.insertOne(new Document(document)));
                }
            }
            assertThat(usedIndex).as("queries answered through an index").isGreaterThan(300);
        }
    }

    @Test
    void anEqualityAndSortQueryReadsOnlyThePageItReturns() {
        try (Server server = new Server(true)) {
            MongoCollection<Document> inbox = server.collection();
            inbox.createIndex(Indexes.ascending("organisationId", "status", "dueAt"));
            for (int i = 0; i < 500; i++) {
                inbox.insertOne(new Document("_id", "I-" + i).append("organisationId", "org-" + (i % 5))
                    .append("status", i % 2 == 0 ? "OPEN" : "DONE").append("dueAt", new Date(BASE + i * 60_000L)));
            }
            Bson filter = Filters.and(Filters.eq("organisationId", "org-3"), Filters.eq("status", "OPEN"));

            Document plan = inbox.find(filter).sort(Sorts.descending("dueAt")).limit(10)
                .explain(ExplainVerbosity.EXECUTION_STATS);

            assertThat(IndexPlans.indexName(plan)).isEqualTo("organisationId_1_status_1_dueAt_1");
            Document stats = plan.get("executionStats", Document.class);
            assertThat(stats.get("nReturned", Number.class).intValue()).isEqualTo(10);
            assertThat(stats.get("totalDocsExamined", Number.class).intValue()).isEqualTo(10);
            assertThat(IndexPlans.stages(plan)).doesNotContain("SORT", "COLLSCAN");
            List<Date> due = inbox.find(filter).sort(Sorts.descending("dueAt")).limit(10)
                .map(d -> d.getDate("dueAt")).into(new ArrayList<>());
            assertThat(due).isSortedAccordingTo((x, y) -> y.compareTo(x)).hasSize(10);
            assertThat(due.get(0)).isEqualTo(new Date(BASE + 498 * 60_000L));
        }
    }

    @Test
    void aDueScanAndAPrefixQueryUseTheirIndexes() {
        try (Server server = new Server(true)) {
            MongoCollection<Document> cases = server.collection();
            cases.createIndex(Indexes.ascending("activeDueAt"));
            cases.createIndex(Indexes.ascending("divisionCode"));
            for (int i = 0; i < 300; i++) {
                cases.insertOne(new Document("_id", "C-" + i)
                    .append("activeDueAt", i % 3 == 0 ? null : new Date(BASE + i * 1000L))
                    .append("divisionCode", (i % 2 == 0 ? "510112" : "510104") + String.format("%03d", i % 7)));
            }

            Document due = cases.find(Filters.lte("activeDueAt", new Date(BASE + 30_000L)))
                .explain(ExplainVerbosity.EXECUTION_STATS);
            Document prefix = cases.find(Filters.regex("divisionCode", "^510112"))
                .explain(ExplainVerbosity.EXECUTION_STATS);

            assertThat(IndexPlans.indexName(due)).isEqualTo("activeDueAt_1");
            assertThat(due.get("executionStats", Document.class).get("totalDocsExamined", Number.class).intValue())
                .isEqualTo(20);
            assertThat(IndexPlans.indexName(prefix)).isEqualTo("divisionCode_1");
            assertThat(prefix.get("executionStats", Document.class).get("totalDocsExamined", Number.class).intValue())
                .isEqualTo(150);
            Document quoted = cases.find(Filters.regex("divisionCode", "^" + java.util.regex.Pattern.quote("510104")))
                .explain(ExplainVerbosity.EXECUTION_STATS);
            assertThat(IndexPlans.indexName(quoted)).isEqualTo("divisionCode_1");
            assertThat(quoted.get("executionStats", Document.class).get("totalDocsExamined", Number.class).intValue())
                .isEqualTo(150);
            Document either = cases.find(Filters.or(Filters.regex("divisionCode", "^510104006"),
                Filters.lt("activeDueAt", new Date(BASE + 10_000L)))).explain(ExplainVerbosity.EXECUTION_STATS);
            assertThat(IndexPlans.stages(either)).contains("FETCH", "OR");
            cases.createIndex(Indexes.compoundIndex(Indexes.ascending("divisionCode"), Indexes.descending("activeDueAt")));
            Document newest = cases.find(Filters.regex("divisionCode", "^510112")).sort(Sorts.descending("activeDueAt"))
                .limit(5).explain(ExplainVerbosity.EXECUTION_STATS);
            assertThat(IndexPlans.stages(newest)).as("one scan per division in the prefix, merged").doesNotContain("SORT");
            assertThat(newest.get("executionStats", Document.class).get("totalDocsExamined", Number.class).intValue())
                .as("a page and the first document of each of the 7 divisions").isLessThanOrEqualTo(5 + 7);
            Document counted = cases.aggregate(List.of(com.mongodb.client.model.Aggregates.match(
                    Filters.regex("divisionCode", "^510112")),
                com.mongodb.client.model.Aggregates.count("n"))).explain(ExplainVerbosity.EXECUTION_STATS);
            assertThat(IndexPlans.indexName(counted)).as("countDocuments' pipeline").isEqualTo("divisionCode_1");
            assertThat(cases.countDocuments(Filters.regex("divisionCode", "^510112"))).isEqualTo(150);
            assertThat(IndexPlans.indexName(cases.find(Filters.eq("unindexed", 1))
                .explain(ExplainVerbosity.EXECUTION_STATS))).isNull();
        }
    }

    /** Today's files have no index data: the first start builds it once; later starts find it complete. */
    @Test
    void anIndexMissingFromOlderFilesIsBuiltOnceAndKeptAcrossRestarts() {
        Path file = dir.resolve("upgrade.mv");
        try (Server before = new Server(file, false)) {
            before.collection().createIndex(Indexes.ascending("leadOrganisationId"));
            for (int i = 0; i < 100; i++) {
                before.collection().insertOne(new Document("_id", "C-" + i).append("leadOrganisationId", "org-" + (i % 4)));
            }
        }
        try (Server upgraded = new Server(file, true)) {
            IndexNarrowingH2Backend.NarrowingCollection cases = upgraded.stored();
            assertThat(cases.indexBuilds()).isEqualTo(1);
            upgraded.collection().insertOne(new Document("_id", "C-100").append("leadOrganisationId", "org-1"));
            upgraded.collection().deleteOne(Filters.eq("_id", "C-1"));
        }
        try (Server restarted = new Server(file, true)) {
            IndexNarrowingH2Backend.NarrowingCollection cases = restarted.stored();
            assertThat(cases.indexBuilds()).as("a restart reads no document for its indexes").isZero();
            Document plan = restarted.collection().find(Filters.eq("leadOrganisationId", "org-1"))
                .explain(ExplainVerbosity.EXECUTION_STATS);
            assertThat(IndexPlans.indexName(plan)).isEqualTo("leadOrganisationId_1");
            assertThat(plan.get("executionStats", Document.class).get("nReturned", Number.class).intValue())
                .isEqualTo(25);
            assertThat(plan.get("executionStats", Document.class).get("totalDocsExamined", Number.class).intValue())
                .isEqualTo(25);
        }
    }

    private static Document randomDocument(Random random, int i) {
        Document document = new Document("_id", "D-" + i);
        switch (random.nextInt(8)) {
            case 0 -> { }
            case 1 -> document.append("a", null);
            case 2 -> document.append("a", "s" + random.nextInt(4));
            case 3 -> document.append("a", random.nextInt(6) + 0.0);
            case 4 -> document.append("a", (long) random.nextInt(6));
            default -> document.append("a", random.nextInt(6));
        }
        if (random.nextInt(4) != 0) {
            document.append("b", new Date(BASE + random.nextInt(50) * 1000L));
        }
        document.append("c", (random.nextBoolean() ? "5101" : "5104") + random.nextInt(100));
        if (random.nextInt(3) != 0) {
            List<Object> tags = new ArrayList<>();
            int n = random.nextInt(4);
            for (int t = 0; t < n; t++) {
                tags.add("t" + random.nextInt(5));
            }
            document.append("tags", tags);
        } else if (random.nextBoolean()) {
            document.append("tags", "t" + random.nextInt(5));
        }
        switch (random.nextInt(4)) {
            case 0 -> document.append("m", List.of(random.nextInt(5), random.nextInt(5)));
            case 1 -> document.append("m", random.nextInt(5));
            case 2 -> document.append("m", List.of());
            default -> { }
        }
        if (random.nextBoolean()) {
            document.append("o", new Document("s", "x" + random.nextInt(3)));
        }
        return document;
    }

    private static Bson randomFilter(Random random) {
        Bson first = randomCondition(random);
        return random.nextInt(3) == 0 ? Filters.and(first, randomCondition(random)) : first;
    }

    private static Bson randomCondition(Random random) {
        int n = random.nextInt(6);
        Date date = new Date(BASE + random.nextInt(50) * 1000L);
        return switch (random.nextInt(26)) {
            case 0 -> Filters.eq("a", n);
            case 1 -> Filters.eq("a", "s" + random.nextInt(4));
            case 2 -> Filters.in("a", n, n + 1.0, "s1");
            case 3 -> Filters.gt("a", n);
            case 4 -> Filters.and(Filters.gte("a", 1), Filters.lt("a", n));
            case 5 -> Filters.lte("a", "s2");
            case 6 -> Filters.eq("a", null);
            case 7 -> Filters.and(Filters.eq("a", n), Filters.gte("b", date));
            case 8 -> Filters.and(Filters.eq("a", n), Filters.lt("b", date));
            case 9 -> Filters.regex("c", "^5101");
            case 10 -> Filters.regex("c", "^5104" + random.nextInt(10));
            case 11 -> Filters.regex("c", "^5101|^5104");
            case 12 -> Filters.eq("tags", "t" + random.nextInt(5));
            case 13 -> Filters.and(Filters.eq("tags", "t" + random.nextInt(5)), Filters.gt("b", date));
            case 14 -> Filters.lte("b", date);
            case 15 -> Filters.and(Filters.gt("m", 1), Filters.lt("m", 3));
            case 16 -> Filters.eq("m", n);
            case 17 -> Filters.exists("a", false);
            case 18 -> Filters.ne("a", n);
            case 19 -> Filters.eq("o.s", "x" + random.nextInt(3));
            case 20 -> Filters.and(Filters.eq("o.s", "x1"), Filters.in("a", 1, 2, 3));
            case 22 -> Filters.or(Filters.eq("a", n), Filters.eq("tags", "t" + random.nextInt(5)));
            case 23 -> Filters.regex("c", "^" + java.util.regex.Pattern.quote("5104") + random.nextInt(10));
            case 24 -> Filters.or(Filters.eq("a", n), Filters.eq("unindexed", 1));
            default -> Filters.in("tags", "t1", "t3");
        };
    }

    private static Bson randomSort(Random random) {
        return switch (random.nextInt(7)) {
            case 0, 1 -> null;
            case 2 -> Sorts.orderBy(Sorts.ascending("b"), Sorts.ascending("_id"));
            case 3 -> Sorts.orderBy(Sorts.descending("b"), Sorts.descending("_id"));
            case 4 -> Sorts.orderBy(Sorts.ascending("a"), Sorts.descending("b"), Sorts.ascending("_id"));
            case 5 -> Sorts.orderBy(Sorts.descending("a"), Sorts.ascending("b"), Sorts.descending("_id"));
            default -> Sorts.orderBy(Sorts.descending("c"), Sorts.ascending("_id"));
        };
    }

    /** A server over a store of its own, with secondary indexes kept or not. */
    private static final class Server implements AutoCloseable {

        private final MVStore store;
        private final IndexNarrowingH2Backend backend;
        private final MongoServer server;
        private final MongoClient client;

        Server(boolean secondaryIndexes) {
            this(null, secondaryIndexes);
        }

        Server(Path file, boolean secondaryIndexes) {
            store = file == null ? MVStore.open(null) : new MVStore.Builder().fileName(file.toString()).open();
            backend = new IndexNarrowingH2Backend(store, secondaryIndexes);
            server = new MongoServer(backend);
            InetSocketAddress address = server.bind();
            client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        }

        MongoCollection<Document> collection() {
            return client.getDatabase("t").getCollection("cases");
        }

        IndexNarrowingH2Backend.NarrowingCollection stored() {
            return (IndexNarrowingH2Backend.NarrowingCollection) backend.resolveDatabase("t")
                .resolveCollection("cases", true);
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
            if (!store.isClosed()) {
                store.close();
            }
        }
    }
}
