package cn.huiyin.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
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
}
