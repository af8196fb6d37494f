package cn.huiyin.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.List;

import com.mongodb.client.gridfs.GridFSBuckets;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTest {

    @TempDir
    Path dir;

    @Test
    void collStatsCountsTheBytesOfTheDocumentsAsTheyAreNow() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.inMemory("127.0.0.1", 0).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("triage").getCollection("cases");
            cases.insertOne(new Document("_id", "HY-1").append("note", "x".repeat(1000)));
            cases.insertOne(new Document("_id", "HY-2").append("note", "short"));
            int before = size(client);
            cases.updateOne(Filters.eq("_id", "HY-2"), Updates.set("note", "y".repeat(3000)));
            int grown = size(client);
            cases.deleteOne(Filters.eq("_id", "HY-1"));

            assertThat(before).isBetween(1000, 1100);
            assertThat(grown - before).isBetween(2990, 3000);
            assertThat(size(client)).isBetween(3000, 3100);
        }
    }

    private static int size(MongoClient client) {
        return client.getDatabase("triage").runCommand(new Document("collStats", "cases")).getInteger("size");
    }

    @Test
    void dataWrittenBeforeAStopIsThereAfterTheRestart() {
        Path file = dir.resolve("mongo.mv");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("intake").getCollection("grievances")
                .insertOne(new Document("_id", "G-1").append("state", "SUBMITTED"));
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            Document found = client.getDatabase("intake").getCollection("grievances").find(Filters.eq("_id", "G-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("state")).isEqualTo("SUBMITTED");
        }
    }

    @Test
    void aQueryPinningTheIdStillHonoursItsOtherConditions() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.inMemory("127.0.0.1", 0).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> grievances = client.getDatabase("t").getCollection("g");
            for (int i = 0; i < 50; i++) {
                grievances.insertOne(new Document("_id", "G-" + i).append("version", 0L));
            }

            long staleVersion = grievances.updateOne(Filters.and(Filters.eq("_id", "G-7"), Filters.eq("version", 5L)),
                Updates.set("state", "X")).getMatchedCount();
            long currentVersion = grievances.updateOne(Filters.and(Filters.eq("_id", "G-7"), Filters.eq("version", 0L)),
                Updates.combine(Updates.set("state", "TRIAGED"), Updates.inc("version", 1L))).getMatchedCount();

            assertThat(staleVersion).isZero();
            assertThat(currentVersion).isEqualTo(1);
            Document g7 = grievances.find(Filters.eq("_id", "G-7")).first();
            assertThat(g7.getString("state")).isEqualTo("TRIAGED");
            assertThat(g7.getLong("version")).isEqualTo(1L);
            assertThat(grievances.countDocuments(Filters.eq("state", "TRIAGED"))).isEqualTo(1);
        }
    }

    @Test
    void aUniqueIndexRefusesASecondDocumentWithTheSameKey() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.inMemory("127.0.0.1", 0).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> processed = client.getDatabase("t").getCollection("processed");
            processed.createIndex(Indexes.ascending("consumer", "eventId"), new IndexOptions().unique(true));
            processed.insertOne(new Document("consumer", "triage").append("eventId", "e-1"));

            assertThatThrownBy(() -> processed.insertOne(new Document("consumer", "triage").append("eventId", "e-1")))
                .isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("E11000");
        }
    }

    @Test
    void aModernDriversHelloIsAnsweredOnAnyDatabase() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.inMemory("127.0.0.1", 0).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            Document answer = client.getDatabase("dashboard").runCommand(new Document("hello", 1));

            assertThat(answer.getBoolean("isWritablePrimary")).isTrue();
            assertThat(answer.get("ok", Number.class).intValue()).isEqualTo(1);
        }
    }

    @Test
    void documentsOfEveryKindAndTheirUniqueIndexesSurviveARestart() {
        Path file = dir.resolve("types.mv");
        ObjectId objectId = new ObjectId();
        Date when = Date.from(java.time.Instant.parse("2026-02-12T08:00:00Z"));
        Document original = new Document("_id", objectId)
            .append("text", "雨天送餐 🛵 𠮷").append("count", 42).append("big", 1L << 40).append("ratio", 0.5)
            .append("flag", true).append("nothing", null).append("when", when)
            .append("nested", new Document("divisionCode", "510112002").append("list", List.of(1, "two", 3.0)))
            .append("bytes", new Binary(new byte[] {0, 1, 2, (byte) 255}));
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("t").getCollection("things");
            things.createIndex(Indexes.ascending("consumer", "eventId"), new IndexOptions().unique(true));
            things.insertOne(original);
            things.insertOne(new Document("_id", "claim-1").append("consumer", "triage").append("eventId", "e-1"));
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("t").getCollection("things");

            assertThat(things.find(Filters.eq("_id", objectId)).first()).isEqualTo(original);
            assertThat(things.find(Filters.and(Filters.eq("consumer", "triage"), Filters.eq("eventId", "e-1"))).first())
                .isNotNull();
            assertThatThrownBy(() -> things.insertOne(new Document("consumer", "triage").append("eventId", "e-1")))
                .hasMessageContaining("E11000");
            things.insertOne(new Document("consumer", "triage").append("eventId", "e-2"));
            assertThat(things.countDocuments()).isEqualTo(3);
            // Counted from the map's size, not by copying every document (which ran a 1 GB launcher out of heap on
            // a 200,000-document collection); skip and limit still apply.
            assertThat(things.countDocuments(new Document(), new CountOptions().skip(1).limit(5))).isEqualTo(2);
            assertThat(things.countDocuments(new Document(), new CountOptions().limit(1))).isEqualTo(1);
        }
    }

    @Test
    void aGridFsFileComesBackByteForByteAfterARestart() {
        Path file = dir.resolve("gridfs.mv");
        byte[] content = new byte[600_000];
        new java.util.Random(7).nextBytes(content);
        ObjectId id;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            id = GridFSBuckets.create(client.getDatabase("intake"), "evidence")
                .uploadFromStream("photo.png", new java.io.ByteArrayInputStream(content));
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            GridFSBuckets.create(client.getDatabase("intake"), "evidence").downloadToStream(id, out);
            assertThat(out.toByteArray()).isEqualTo(content);
        }
    }

    @Test
    void anUpdateStoresANewDocumentAndNeverChangesOneAlreadyHandedOut() {
        // The background disk writer and concurrent replies hold stored documents; mutating them in place breaks both.
        IndexNarrowingH2Backend backend = new IndexNarrowingH2Backend(org.h2.mvstore.MVStore.open(null));
        de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(backend);
        java.net.InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> cases = client.getDatabase("t").getCollection("cases");
            cases.insertOne(new Document("_id", "C-1").append("state", "ASSIGNED")
                .append("history", List.of(new Document("n", 1))));
            de.bwaldvogel.mongo.MongoCollection<?> stored = backend.resolveDatabase("t").resolveCollection("cases", true);
            de.bwaldvogel.mongo.bson.Document before = stored.handleQuery(new de.bwaldvogel.mongo.bson.Document("_id", "C-1"))
                .iterator().next();

            cases.updateOne(Filters.eq("_id", "C-1"), Updates.combine(Updates.set("state", "ACCEPTED"),
                Updates.push("history", new Document("n", 2))));
            assertThat(before.get("state")).isEqualTo("ASSIGNED");
            before.put("state", "TAMPERED");

            assertThat(cases.find(Filters.eq("_id", "C-1")).first())
                .containsEntry("state", "ACCEPTED")
                .extractingByKey("history").asList().hasSize(2);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void reopeningAStoreDoesNotReadEveryDocumentToFillSecondaryIndexesItNeverKeeps() {
        Path file = dir.resolve("indexed.mv");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("t").getCollection("cases");
            cases.createIndex(Indexes.ascending("leadOrganisationId"));
            for (int i = 0; i < 20; i++) {
                cases.insertOne(new Document("_id", "C-" + i).append("leadOrganisationId", "org-" + (i % 3)));
            }
        }

        org.h2.mvstore.MVStore store = new org.h2.mvstore.MVStore.Builder().fileName(file.toString()).open();
        try {
            IndexNarrowingH2Backend backend = new IndexNarrowingH2Backend(store);
            IndexNarrowingH2Backend.NarrowingCollection cases = (IndexNarrowingH2Backend.NarrowingCollection)
                backend.resolveDatabase("t").resolveCollection("cases", true);

            assertThat(cases.indexes()).extracting(de.bwaldvogel.mongo.backend.Index::getName)
                .contains("leadOrganisationId_1");
            assertThat(cases.indexes()).as("an index reported empty is filled by reading the whole collection")
                .noneMatch(de.bwaldvogel.mongo.backend.Index::isEmpty);
            assertThat(cases.handleQuery(new de.bwaldvogel.mongo.bson.Document("leadOrganisationId", "org-1")))
                .hasSize(7);
        } finally {
            store.close();
        }
    }

    @Test
    void concurrentUpdatesWhileTheStoreWritesInTheBackgroundLoseNothingAndBreakNothing() throws Exception {
        Path file = dir.resolve("busy.mv");
        int threads = 4;
        int updatesPerThread = 500;
        // Every acknowledged update waits for a commit, so the writer meets the updates as often as it can.
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("t").getCollection("cases");
            for (int i = 0; i < 10; i++) {
                List<Document> history = new java.util.ArrayList<>();
                for (int h = 0; h < 300; h++) {
                    history.add(new Document("n", h).append("note", "y".repeat(80)));
                }
                cases.insertOne(new Document("_id", "C-" + i).append("count", 0).append("history", history));
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(pool.submit(() -> {
                    for (int n = 0; n < updatesPerThread; n++) {
                        cases.updateOne(Filters.eq("_id", "C-" + (n % 10)), Updates.combine(Updates.inc("count", 1),
                            Updates.push("history", new Document("n", n).append("note", "x".repeat(50)))));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : work) {
                f.get();
            }
            pool.shutdown();

            long total = 0;
            for (Document c : cases.find()) {
                total += c.getInteger("count");
            }
            assertThat(total).isEqualTo((long) threads * updatesPerThread);
        }
    }
}
