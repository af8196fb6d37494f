package cn.huiyin.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal of the embedded store (ADR 0032); {@link CrashDurabilityTest} kills a store that has one. */
class JournalTest {

    @TempDir
    Path dir;

    @Test
    void writesToExistingCollectionsAreJournaledAndANewCollectionIsCheckpointed() {
        Path file = dir.resolve("journal.mv");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("triage").getCollection("cases");
            cases.createIndex(Indexes.ascending("organisation", "deadline"));
            cases.insertOne(new Document("_id", "HY-0").append("organisation", "org-1"));
            long[] before = server.journalBatchesAndCheckpoints();

            for (int i = 1; i <= 100; i++) {
                cases.insertOne(new Document("_id", "HY-" + i).append("organisation", "org-" + i % 3)
                    .append("deadline", i));
                cases.updateOne(Filters.eq("_id", "HY-" + i), Updates.set("state", "ASSIGNED"));
            }
            long[] afterWrites = server.journalBatchesAndCheckpoints();
            client.getDatabase("triage").getCollection("returns").insertOne(new Document("_id", "R-1"));
            long[] afterNewCollection = server.journalBatchesAndCheckpoints();

            assertThat(afterWrites[0] - before[0]).as("journal batches for 200 acknowledged writes").isBetween(1L, 200L);
            assertThat(afterWrites[1]).as("checkpoints during those writes").isEqualTo(before[1]);
            assertThat(afterNewCollection[1]).as("checkpoints after a collection was created").isGreaterThan(before[1]);
        }
        assertThat(JournalFile.generations(file)).as("journal files after a clean stop").isEmpty();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("triage").getCollection("cases");
            assertThat(cases.countDocuments(Filters.eq("state", "ASSIGNED"))).isEqualTo(100);
            assertThat(cases.countDocuments(Filters.eq("organisation", "org-1"))).isEqualTo(35);
        }
    }

    @Test
    void aTornLastBatchIsNotRead() throws Exception {
        Path file = dir.resolve("torn.mv");
        try (JournalFile journal = JournalFile.create(file, 7)) {
            journal.append(ByteBuffer.wrap("first batch".getBytes(StandardCharsets.UTF_8)));
            journal.append(ByteBuffer.wrap("second batch".getBytes(StandardCharsets.UTF_8)));
        }
        try (FileChannel channel = FileChannel.open(JournalFile.path(file, 7), StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 3);
        }

        List<ByteBuffer> batches = JournalFile.read(file, 7);

        assertThat(batches).hasSize(1);
        assertThat(StandardCharsets.UTF_8.decode(batches.get(0)).toString()).isEqualTo("first batch");
    }

    @Test
    void aCorruptedBatchEndsTheReading() throws Exception {
        Path file = dir.resolve("corrupt.mv");
        try (JournalFile journal = JournalFile.create(file, 1)) {
            journal.append(ByteBuffer.wrap("first".getBytes(StandardCharsets.UTF_8)));
            journal.append(ByteBuffer.wrap("second".getBytes(StandardCharsets.UTF_8)));
            journal.append(ByteBuffer.wrap("third".getBytes(StandardCharsets.UTF_8)));
        }
        try (FileChannel channel = FileChannel.open(JournalFile.path(file, 1), StandardOpenOption.WRITE)) {
            // The first byte of the second batch's payload: 12 bytes of header and 5 of payload, then 12 more.
            channel.write(ByteBuffer.wrap(new byte[] {'S'}), 12 + 5 + 12);
        }

        assertThat(JournalFile.read(file, 1)).hasSize(1);
    }
}
