package cn.huiyin.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

    @TempDir
    Path dir;

    @Test
    void readsOfDurableDataWaitForNoCommit() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, dir.resolve("reads.mv")).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("triage").getCollection("cases");
            for (int i = 0; i < 20; i++) {
                cases.insertOne(new Document("_id", "HY-" + i).append("state", "ASSIGNED"));
            }
            long[] before = server.commitsAndDeferredReplies();

            for (int i = 0; i < 200; i++) {
                cases.countDocuments(Filters.eq("_id", "HY-" + (i % 20)));
                cases.find(Filters.eq("_id", "HY-" + (i % 20))).first();
            }

            long[] after = server.commitsAndDeferredReplies();
            assertThat(after[0] - before[0]).as("commits for reads").isZero();
            assertThat(after[1] - before[1]).as("replies that waited").isZero();
        }
    }

    @Test
    void housekeepingBetweenBurstsOfWritesLosesNothing() throws Exception {
        Path file = dir.resolve("housekeeping.mv");
        int port = FreePorts.find();
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().autoCommitBufferSize(0)
            .open();
        IndexNarrowingH2Backend backend = new IndexNarrowingH2Backend(store);
        GroupCommit groupCommit = new GroupCommit(store, Duration.ofMillis(50), Duration.ofMillis(100));
        MongoWireServer server = new MongoWireServer(backend, store, groupCommit);
        server.bind(new InetSocketAddress("127.0.0.1", port));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> cases = client.getDatabase("triage").getCollection("cases");
            for (int burst = 0; burst < 5; burst++) {
                for (int i = 0; i < 40; i++) {
                    // Every update leaves the previous version of the page behind: chunks fill with garbage.
                    cases.updateOne(Filters.eq("_id", "HY-" + i), Updates.combine(Updates.set("burst", burst),
                        Updates.set("note", "x".repeat(2000))), new com.mongodb.client.model.UpdateOptions().upsert(true));
                }
                Thread.sleep(300);
            }
        } finally {
            server.stopNetwork();
            groupCommit.close();
            backend.close();
        }
        assertThat(groupCommit.housekeepings()).isPositive();

        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file).start();
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            MongoCollection<Document> cases = client.getDatabase("triage").getCollection("cases");
            for (int i = 0; i < 40; i++) {
                assertThat(cases.find(Filters.eq("_id", "HY-" + i)).first().getInteger("burst")).isEqualTo(4);
            }
        }
    }
}
