package cn.huiyin.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the store acknowledged is there after the process holding it is killed with SIGKILL in the middle of a stream
 * of inserts and updates from several clients: three times on the same file. The secondary index comes back with
 * the documents it indexes (the journal's batches hold both, ADR 0032).
 */
class CrashDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        Path file = dir.resolve("crash.mv");
        Set<String> inserted = ConcurrentHashMap.newKeySet();
        Set<String> updated = ConcurrentHashMap.newKeySet();
        for (int crash = 1; crash <= 3; crash++) {
            int port = FreePorts.find();
            Process store = start(port, file);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port
                + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000&socketTimeoutMS=5000")) {
                MongoCollection<Document> grievances = client.getDatabase("intake").getCollection("grievances");
                grievances.createIndex(Indexes.ascending("state"));
                AtomicBoolean writing = new AtomicBoolean(true);
                List<Thread> clients = new ArrayList<>();
                for (int c = 0; c < 4; c++) {
                    String prefix = "HY-" + crash + "-" + c + "-";
                    Thread thread = new Thread(() -> write(grievances, prefix, writing, inserted, updated));
                    clients.add(thread);
                    thread.start();
                }
                Thread.sleep(1500);
                store.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                writing.set(false);
                for (Thread thread : clients) {
                    thread.join();
                }
            }
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> grievances = client.getDatabase("intake").getCollection("grievances");
            List<String> lost = inserted.stream()
                .filter(id -> grievances.find(Filters.eq("_id", id)).first() == null).sorted().toList();
            List<String> lostUpdates = updated.stream()
                .filter(id -> !"TRIAGED".equals(stateOf(grievances, id))).sorted().toList();
            System.out.printf("Crash durability: %d inserts and %d updates acknowledged before three SIGKILLs; "
                + "lost %d inserts, %d updates%n", inserted.size(), updated.size(), lost.size(), lostUpdates.size());
            assertThat(inserted).hasSizeGreaterThan(20);
            assertThat(lost).as("acknowledged inserts missing after the crashes").isEmpty();
            assertThat(lostUpdates).as("acknowledged updates missing after the crashes").isEmpty();
            // The secondary index came back with the documents: it names exactly the documents in each state.
            assertThat(IndexPlans.indexName(grievances.find(Filters.eq("state", "TRIAGED")).explain()))
                .isEqualTo("state_1");
            long triaged = 0;
            long submitted = 0;
            for (Document grievance : grievances.find().hint(new Document("_id", 1))) {
                triaged += "TRIAGED".equals(grievance.getString("state")) ? 1 : 0;
                submitted += "SUBMITTED".equals(grievance.getString("state")) ? 1 : 0;
            }
            assertThat(grievances.countDocuments(Filters.eq("state", "TRIAGED"))).isEqualTo(triaged);
            assertThat(grievances.countDocuments(Filters.eq("state", "SUBMITTED"))).isEqualTo(submitted);
            assertThat(grievances.find(Filters.eq("state", "TRIAGED")).into(new ArrayList<>())).hasSize((int) triaged);
        }
    }

    private static void write(MongoCollection<Document> grievances, String prefix, AtomicBoolean writing,
                              Set<String> inserted, Set<String> updated) {
        for (int n = 0; writing.get(); n++) {
            String id = prefix + n;
            try {
                grievances.insertOne(new Document("_id", id).append("state", "SUBMITTED"));
                inserted.add(id);
                grievances.updateOne(Filters.eq("_id", id), Updates.set("state", "TRIAGED"));
                updated.add(id);
            } catch (MongoException e) {
                return;
            }
        }
    }

    private static String stateOf(MongoCollection<Document> grievances, String id) {
        Document found = grievances.find(Filters.eq("_id", id)).first();
        return found == null ? null : found.getString("state");
    }

    private static Process start(int port, Path file) throws Exception {
        Path log = file.resolveSibling("store-" + port + ".log");
        Process process = new ProcessBuilder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
            "-cp", System.getProperty("java.class.path"), StoreProcess.class.getName(), Integer.toString(port),
            file.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(log) && Files.readString(log).contains("store ready"))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The store did not start:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        return process;
    }
}
