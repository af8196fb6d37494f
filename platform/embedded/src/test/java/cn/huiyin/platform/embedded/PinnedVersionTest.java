package cn.huiyin.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no retention of freed chunks (ADR 0029), a chunk's space is written again as soon as no kept version needs it,
 * and H2 keeps only the last few versions unless one is pinned. Every command pins the version it reads.
 */
class PinnedVersionTest {

    private static final int DOCUMENTS = 10_000;
    private static final int HOT = 300;

    @TempDir
    Path dir;

    @Test
    void aCommandCanReadTheVersionItStartedOnHoweverManyCommitsFollow() {
        MVStore store = new MVStore.Builder().fileName(dir.resolve("version.mv").toString()).autoCommitDisabled().open();
        store.setRetentionTime(0);
        MVMap<Integer, String> cases = store.openMap("cases");
        cases.put(1, "RECEIVED");
        store.commit();
        AtomicReference<String> readInCommand = new AtomicReference<>();
        EmbeddedChannel channel = new EmbeddedChannel(new MongoWireServer.PinnedVersion(store, null),
            new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext context, Object message) {
                    // The version being written when the command began; its first commit completes it.
                    long started = store.getCurrentVersion();
                    for (int commit = 0; commit < 20; commit++) {
                        cases.put(1, "ROUND-" + commit);
                        store.commit();
                    }
                    readInCommand.set(cases.openVersion(started).get(1));
                }
            });
        try {
            channel.writeInbound("a command");

            // Unpinned, H2 keeps only the last few versions: openVersion fails with "Unknown version".
            assertThat(readInCommand.get()).isEqualTo("ROUND-0");
        } finally {
            channel.finishAndReleaseAll();
            store.close();
        }
    }

    /**
     * The whole server under that regime: scans reading most pages from the file (the cache is far smaller than the
     * data) while writes free and reuse chunks. It also passed with the pin taken out, so it guards the regime, and the
     * test above the pin.
     */
    @Test
    void scansReadingFromTheFileStayWholeWhileWritesFreeAndReuseChunks() throws Exception {
        MVStore store = new MVStore.Builder().fileName(dir.resolve("pinned.mv").toString()).autoCommitDisabled()
            .autoCommitBufferSize(0).cacheSize(1).open();
        store.setRetentionTime(0);
        IndexNarrowingH2Backend backend = new IndexNarrowingH2Backend(store);
        GroupCommit groupCommit = new GroupCommit(store, Duration.ofMillis(50), Duration.ofMillis(200));
        MongoWireServer server = new MongoWireServer(backend, store, groupCommit);
        int port = FreePorts.find();
        server.bind(new InetSocketAddress("127.0.0.1", port));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> cases = client.getDatabase("follow-up").getCollection("cases");
            List<Document> batch = new ArrayList<>();
            for (int n = 0; n < DOCUMENTS; n++) {
                batch.add(new Document("_id", String.format("HY-%06d", n)).append("n", n).append("round", 0)
                    .append("text", noise(new Random(n), 1_500)));
                if (batch.size() == 200) {
                    cases.insertMany(batch);
                    batch.clear();
                }
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger writes = new AtomicInteger();
            AtomicInteger scans = new AtomicInteger();
            ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int seed = w;
                work.add(threads.submit(() -> {
                    Random random = new Random(seed);
                    while (writing.get()) {
                        // The last documents, which a scan reaches last: by then their leaves were rewritten many
                        // times, each on a commit of its own that frees the chunk holding the version before.
                        int n = DOCUMENTS - 1 - random.nextInt(HOT);
                        cases.updateOne(Filters.eq("_id", String.format("HY-%06d", n)), Updates.combine(
                            Updates.inc("round", 1), Updates.set("text", noise(random, 1_500))));
                        writes.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (int r = 0; r < 2; r++) {
                work.add(threads.submit(() -> {
                    while (writing.get()) {
                        List<Document> all = cases.find().into(new ArrayList<>());
                        if (all.size() != DOCUMENTS) {
                            wrong.add("a scan saw " + all.size() + " documents");
                        }
                        for (Document document : all) {
                            if (!document.getString("_id").equals(String.format("HY-%06d", document.getInteger("n")))) {
                                wrong.add("document " + document.getString("_id") + " holds n " + document.get("n"));
                            }
                        }
                        scans.incrementAndGet();
                    }
                    return null;
                }));
            }
            Thread.sleep(6_000);
            writing.set(false);
            for (Future<?> future : work) {
                future.get(60, TimeUnit.SECONDS);
            }

            assertThat(wrong).isEmpty();
            assertThat(scans.get()).as("scans while %d writes went on", writes.get()).isGreaterThanOrEqualTo(4);
            assertThat(writes.get()).isGreaterThan(200);
            assertThat(cases.countDocuments()).isEqualTo(DOCUMENTS);
        } finally {
            threads.shutdownNow();
            server.stopNetwork();
            groupCommit.close();
            backend.close();
            store.close();
        }
    }

    private static String noise(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
