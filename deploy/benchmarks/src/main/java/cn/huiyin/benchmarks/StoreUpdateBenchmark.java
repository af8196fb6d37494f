package cn.huiyin.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import cn.huiyin.platform.embedded.EmbeddedMongoServer;
import cn.huiyin.platform.embedded.IndexNarrowingH2Backend;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

/**
 * The loop's two kinds of update, against an embedded store of its own (on disk, as the launcher keeps it), one
 * client: a dashboard event's cells (one unordered bulk of guarded {@code $inc} upserts into cells that grow to
 * hundreds of counters) and an aggregate's write ({@code $set} of its state, {@code $inc} of its version,
 * {@code $push} of an event, guarded by the version read), then the relay's {@code $pull} of that event. Prints the rate and the CPU of the whole process per
 * update (client and server: compare runs, not the figure alone). {@code -Dhuiyin.embedded.plain-updates=false}
 * sends every update through upstream's path, for the difference.
 *
 * <pre>java [-Dhuiyin.embedded.plain-updates=false] -jar huiyin-benchmarks.jar store-updates [--events 3000]
 *     [--warmup 1000] [--cells 400] [--aggregates 2000]</pre>
 */
final class StoreUpdateBenchmark implements Benchmarks.Benchmark {

    private static final String HELP = """
        store-updates: dashboard cells' $inc upserts and aggregates' guarded writes against an embedded store of its
                       own (on disk), one client; -Dhuiyin.embedded.plain-updates=false for upstream's update path
          --events N       measured events (3000), after --warmup N (1000); each: one bulk of 26 cell upserts,
                           one aggregate write and the relay's $pull
          --cells N        distinct cells (400)
          --aggregates N   distinct aggregates (2000)
        """;

    private static final int CELLS_PER_EVENT = 26;
    private static final String[] ROWS = {"FOOD_DELIVERY", "COURIER", "RIDE_HAILING", "TRUCKING", "STREAMING",
        "WAGES", "INSURANCE", "PARKING", "PENALTY", "ACCOUNT", "SAFETY", "OTHER", "STREET-01", "STREET-02", "STREET-03",
        "STREET-04", "STREET-05", "STREET-06", "STREET-07", "STREET-08"};
    private static final String[] COUNTERS = {"submitted", "triaged", "assigned", "accepted", "returned", "closed",
        "satisfied", "overdue", "responseMinutes", "handlingMinutes"};

    @Override
    public void run(String[] args) throws Exception {
        Options options = Options.quietUnlessHelp(args, HELP);
        if (options == null) {
            return;
        }
        int events = options.integer("events", 3000);
        int warmup = options.integer("warmup", 1000);
        int cells = options.integer("cells", 400);
        int aggregates = options.integer("aggregates", 2000);
        boolean plain = !"false".equalsIgnoreCase(System.getProperty(IndexNarrowingH2Backend.PLAIN_UPDATES_PROPERTY));
        Path dir = Files.createTempDirectory("huiyin-store-updates");
        System.out.printf("store-updates: %s update path, %,d cells, %,d aggregates, %,d events after %,d, store %s%n",
            plain ? "the embedded server's own" : "upstream's", cells, aggregates, events, warmup, dir);
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.onDisk("127.0.0.1", 0, dir.resolve("mongo.mv")).start();
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            Workload workload = new Workload(client, cells, aggregates);
            workload.seed();
            workload.events(warmup);
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            workload.events(events);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMs = (processCpuNanos() - cpu) / 1e6;
            long updates = (long) events * (CELLS_PER_EVENT + 2);
            System.out.printf("%,d events (%,d updates) in %.1f s: %.0f updates/s; CPU of the process %.1f µs per "
                + "update, %.2f ms per event%n", events, updates, seconds, updates / seconds, cpuMs * 1000 / updates,
                cpuMs / events);
        }
        System.exit(0);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    /** The two kinds of update, with a seeded random choice of cells, rows and aggregates. */
    private static final class Workload {

        private final Random random = new Random(20261202);
        private final MongoCollection<Document> cells;
        private final MongoCollection<Document> aggregates;
        private final int cellCount;
        private final int aggregateCount;
        private final long[] versions;
        private long offset;

        Workload(MongoClient client, int cellCount, int aggregateCount) {
            var database = client.getDatabase("store-updates");
            this.cells = database.getCollection("cells");
            this.aggregates = database.getCollection("cases");
            this.cellCount = cellCount;
            this.aggregateCount = aggregateCount;
            this.versions = new long[aggregateCount];
        }

        void seed() {
            // The secondary indexes the dashboard's cells and a service's aggregates keep.
            cells.createIndex(new Document("generation", 1).append("period", 1).append("group", 1));
            aggregates.createIndex(new Document("organisation", 1).append("status", 1));
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < aggregateCount; i++) {
                documents.add(new Document("_id", "HY-" + i).append("version", 0L).append("status", "ASSIGNED")
                    .append("organisation", ROWS[i % ROWS.length]).append("outbox", new ArrayList<>())
                    .append("applied", new Document()));
            }
            aggregates.insertMany(documents);
        }

        void events(int count) {
            for (int i = 0; i < count; i++) {
                offset++;
                cells.bulkWrite(cellUpserts(), new BulkWriteOptions().ordered(false));
                aggregateWrite();
            }
        }

        private List<WriteModel<Document>> cellUpserts() {
            List<WriteModel<Document>> upserts = new ArrayList<>(CELLS_PER_EVENT);
            String slot = "huiyin_triage_case_v1-" + random.nextInt(6);
            // An event's cells are distinct (territories, periods, breakdowns): its guard would refuse a second one.
            java.util.Set<Integer> chosen = new java.util.LinkedHashSet<>();
            while (chosen.size() < Math.min(CELLS_PER_EVENT, cellCount)) {
                chosen.add(random.nextInt(cellCount));
            }
            for (int cell : chosen) {
                String id = "g1|city/district-" + cell;
                Document increments = new Document();
                String row = ROWS[random.nextInt(ROWS.length)];
                for (int k = 0; k < 3; k++) {
                    increments.put("rows." + row + "." + COUNTERS[random.nextInt(COUNTERS.length)], 1L);
                }
                // As Spring Data writes it (MongoCells): the id and the guard side by side, not in an $and.
                Document guard = new Document("_id", id).append("$or", List.of(
                    new Document("offsets." + slot, new Document("$exists", false)),
                    new Document("offsets." + slot, new Document("$lt", offset))));
                Document update = new Document("$inc", increments)
                    .append("$set", new Document("offsets." + slot, offset))
                    .append("$setOnInsert", new Document("generation", "g1").append("scope", id)
                        .append("period", "2026-12").append("group", "ORG"));
                upserts.add(new UpdateOneModel<>(guard, update, new UpdateOptions().upsert(true)));
            }
            return upserts;
        }

        private void aggregateWrite() {
            int i = random.nextInt(aggregateCount);
            Document event = new Document("eventId", UUID.randomUUID().toString())
                .append("type", "cn.huiyin.followup.ProgressRecorded.v1").append("subject", "HY-" + i)
                .append("data", "{\"note\":\"已联系骑手，平台承诺三日内答复\"}");
            Document update = new Document("$set", new Document("status", "IN_PROGRESS")
                .append("organisation", ROWS[random.nextInt(ROWS.length)]).append("note", "已联系骑手")
                .append("applied.huiyin_triage_case_v1", offset))
                .append("$inc", new Document("version", 1L))
                .append("$push", new Document("outbox", new Document("$each", List.of(event))));
            aggregates.updateOne(new Document("_id", "HY-" + i).append("version", versions[i]), update);
            versions[i]++;
            // The outbox relay removes the event once published ($pull: upstream's path either way).
            aggregates.updateOne(Filters.eq("_id", "HY-" + i), new Document("$pull", new Document("outbox",
                new Document("eventId", new Document("$in", List.of(event.getString("eventId")))))));
        }
    }
}
