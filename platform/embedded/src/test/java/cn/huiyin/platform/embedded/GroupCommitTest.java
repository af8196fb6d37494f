package cn.huiyin.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
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
}
