package cn.huiyin.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import cn.huiyin.platform.embedded.EmbeddedMongoServer.Storage;
import cn.huiyin.platform.embedded.EmbeddedMongoServer.Storage.Compression;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server's file: compressed pages, freed space reused, and a file that shrinks after deletions. */
class CompactStorageTest {

    private static final int DOCUMENTS = 1_200;

    @TempDir
    Path dir;

    @Test
    void spaceFreedByDeletionsIsWrittenAgainRatherThanAppendedAndEverythingSurvivesReopening() throws Exception {
        Path file = dir.resolve("mongo.mv");
        // Without the journal: every write is a commit of the file, the case where reusing freed space matters most.
        Storage storage = new Storage(Compression.FAST, Duration.ZERO, false);
        List<Document> written = documents(0);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file, storage).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            write(client, written);
        }
        long full = Files.size(file);

        List<Document> later = documents(DOCUMENTS);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file, storage).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            long deleted = grievances(client).deleteMany(Filters.lt("n", DOCUMENTS * 9 / 10)).getDeletedCount();
            assertThat(deleted).isEqualTo(DOCUMENTS * 9 / 10);
            write(client, later.subList(0, DOCUMENTS * 8 / 10));
        }

        // Kept 45 s, the freed space could not be written again and the file would grow by the new writes.
        assertThat(Files.size(file)).as("after deleting 90 %% and writing 80 %% anew (was %,d bytes)", full)
            .isLessThan(full + full / 4);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file, storage).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            List<Document> expected = new ArrayList<>(written.subList(DOCUMENTS * 9 / 10, DOCUMENTS));
            expected.addAll(later.subList(0, DOCUMENTS * 8 / 10));
            assertThat(grievances(client).find().sort(Sorts.ascending("n")).into(new ArrayList<>()))
                .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theFileShrinksWhileTheStoreIsQuietAfterDeletionsAndAgainWhenItStops() throws Exception {
        Path file = dir.resolve("shrinks.mv");
        List<Document> written = bulky(6_000);
        String housekeeping = System.setProperty(GroupCommit.HOUSEKEEPING_SECONDS_PROPERTY, "1");
        long full;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> grievances = grievances(client);
            for (int from = 0; from < written.size(); from += 500) {
                grievances.insertMany(new ArrayList<>(written.subList(from, from + 500)));
            }
            // A checkpoint puts the documents in the file; the quiet store shortens the file only after one.
            await().atMost(Duration.ofSeconds(30)).until(() -> JournalFile.generations(file).isEmpty()
                && Files.size(file) > 6_000 * 1_000L);
            full = Files.size(file);

            grievances.deleteMany(Filters.lt("n", 5_400));

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.size(file) < full / 2);
            assertThat(grievances.find().sort(Sorts.ascending("n")).into(new ArrayList<>()))
                .containsExactlyElementsOf(written.subList(5_400, 6_000));
        } finally {
            restore(GroupCommit.HOUSEKEEPING_SECONDS_PROPERTY, housekeeping);
        }
        long stopped = Files.size(file);
        System.out.printf("Store file: %,d bytes with 6,000 documents, %,d bytes after deleting 5,400 and a stop%n",
            full, stopped);

        assertThat(stopped).as("after deleting 90 %% and a stop (was %,d bytes)", full).isLessThan(full / 4);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(grievances(client).find().sort(Sorts.ascending("n")).into(new ArrayList<>()))
                .containsExactlyElementsOf(written.subList(5_400, 6_000));
        }
    }

    @Test
    void compressedPagesTakeLessSpaceAndReadBackUnchanged() {
        List<Document> written = documents(0);
        long plain = store(dir.resolve("plain.mv"), new Storage(Compression.NONE, Duration.ZERO), written);
        Path compressedFile = dir.resolve("compressed.mv");
        long compressed = store(compressedFile, new Storage(Compression.FAST, Duration.ZERO), written);

        assertThat(compressed).as("compressed vs plain (%,d bytes)", plain).isLessThan(plain * 3 / 4);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, compressedFile).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(grievances(client).find().sort(Sorts.ascending("n")).into(new ArrayList<>()))
                .containsExactlyElementsOf(written);
        }
    }

    @Test
    void withoutRetentionTheSpaceOfReplacedPagesIsReusedWhileTheServerRuns() {
        List<Document> written = documents(0);
        long kept = store(dir.resolve("kept.mv"), new Storage(Compression.NONE, Duration.ofSeconds(45), false),
            written);
        long reused = store(dir.resolve("reused.mv"), new Storage(Compression.NONE, Duration.ZERO, false),
            written);

        assertThat(reused).as("freed chunks reused vs kept 45 s (%,d bytes)", kept).isLessThan(kept / 2);
    }

    @Test
    void withTheJournalTheFileIsWrittenAtCheckpointsOnlyAndStaysSmaller() {
        List<Document> written = documents(0);
        long everyWriteCommitted = store(dir.resolve("commits.mv"), new Storage(Compression.FAST, Duration.ZERO, false),
            written);
        long journaled = store(dir.resolve("journaled.mv"), new Storage(Compression.FAST, Duration.ZERO, true),
            written);
        System.out.printf("Store file after %,d inserts and as many updates: %,d bytes committing every write, "
            + "%,d bytes with the journal%n", written.size(), everyWriteCommitted, journaled);

        assertThat(journaled).as("with the journal vs a commit per write (%,d bytes)", everyWriteCommitted)
            .isLessThan(everyWriteCommitted / 2);
    }

    /** Inserts the documents, then updates each one alone (as services do, one durable write each), then stops. */
    private static long store(Path file, Storage storage, List<Document> documents) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file, storage).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            write(client, documents);
        }
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(MongoClient client, List<Document> documents) {
        MongoCollection<Document> grievances = grievances(client);
        for (int from = 0; from < documents.size(); from += 100) {
            grievances.insertMany(copies(documents.subList(from, Math.min(from + 100, documents.size()))));
        }
        for (Document document : documents) {
            grievances.updateOne(Filters.eq("_id", document.get("_id")), Updates.set("state", "ASSIGNED"));
        }
    }

    private static MongoCollection<Document> grievances(MongoClient client) {
        return client.getDatabase("intake").getCollection("grievances");
    }

    /** Grievance-like documents: Chinese text, ciphertext (incompressible), codes; "state" as after the update. */
    private static List<Document> documents(int first) {
        Random random = new Random(16 + first);
        List<Document> documents = new ArrayList<>();
        for (int n = first; n < first + DOCUMENTS; n++) {
            byte[] cipher = new byte[64];
            random.nextBytes(cipher);
            documents.add(new Document("_id", String.format("HY-20261202-%06d", n)).append("n", n)
                .append("state", "ASSIGNED")
                .append("worker", new Document("group", "FOOD_DELIVERY_RIDER")
                    .append("mobile", Base64.getEncoder().encodeToString(cipher)))
                .append("description", "雨天送餐途中摔倒致手部骨折，保险公司以受伤时间与订单记录相差15分钟为由拒绝理赔。"
                    + "站点骑手两个月跑单费没有结算，多次催要无果。第" + n + "件")
                .append("place", new Document("divisionCode", "510112002").append("address", "龙泉驿区大面街道龙湖天街北门"))
                .append("history", List.of(new Document("code", "SUBMITTED").append("channel", "SERVICE_HALL_WINDOW"),
                    new Document("code", "TRIAGED").append("category", "INJURY_INSURANCE"))));
        }
        return documents;
    }

    /** Documents of ~1.2 KB that compression cannot shrink (attachments' ciphertext). */
    private static List<Document> bulky(int count) {
        Random random = new Random(42);
        List<Document> documents = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            byte[] cipher = new byte[900];
            random.nextBytes(cipher);
            documents.add(new Document("_id", String.format("HY-20261202-%06d", n)).append("n", n)
                .append("attachment", Base64.getEncoder().encodeToString(cipher)));
        }
        return documents;
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    /** Inserted as SUBMITTED: the update that follows sets the state the expectation holds. */
    private static List<Document> copies(List<Document> documents) {
        return documents.stream().map(d -> new Document(d).append("state", "SUBMITTED")).toList();
    }
}
