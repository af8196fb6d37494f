package cn.huiyin.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.HdrHistogram.Recorder;
import org.bson.Document;

/**
 * Acknowledged writes against a MongoDB-protocol server, as fast as each of N clients can go (closed loop): one
 * insert of a grievance-sized document with an outbox event, then the outbox relay's update of it, per round. It
 * isolates what a durable acknowledgement costs the store from everything else the stack does on the same cores.
 * Run it against the launcher alone ({@code HUIYIN_SERVICES=none ./huiyin up}).
 *
 * <pre>java -jar huiyin-benchmarks.jar store [--uri mongodb://127.0.0.1:27017] [--threads 1,4,16] [--seconds 20]
 *     [--warmup 5]</pre>
 */
final class StoreWriteBenchmark implements Benchmarks.Benchmark {

    private static final String DESCRIPTION = "雨天送餐途中摔倒致手部骨折，保险公司以受伤时间与订单记录相差15分钟为由拒绝理赔。".repeat(8);

    private static final String HELP = """
        store: acknowledged writes against a MongoDB-protocol server, N closed-loop clients (the launcher alone:
               HUIYIN_SERVICES=none ./huiyin up); each round inserts a grievance-sized document and updates it
          --uri U          the server (mongodb://127.0.0.1:27017)
          --threads A,B    client counts, one measurement each (1,4,16)
          --seconds N      measured seconds per count (20), after --warmup N seconds (5)
        """;

    @Override
    public void run(String[] args) throws Exception {
        Options options = Options.quietUnlessHelp(args, HELP);
        if (options == null) {
            return;
        }
        String uri = options.get("uri", "mongodb://127.0.0.1:27017");
        int[] threads = Arrays.stream(options.get("threads", "1,4,16").split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = options.integer("seconds", 20);
        int warmup = options.integer("warmup", 5);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> grievances = scratch(client);
            System.out.printf("Store write benchmark against %s: insert + update per round, %d s measured after %d s%n",
                uri, seconds, warmup);
            for (int n : threads) {
                load(grievances, n, warmup);
                Result result = load(grievances, n, seconds);
                System.out.printf("%2d client(s): %6.0f writes/s; latency per write (ms) p50 %.2f  p90 %.2f  "
                    + "p99 %.2f  max %.2f%n", n, result.writes / (double) seconds,
                    result.percentile(50), result.percentile(90), result.percentile(99), result.max());
            }
        }
        System.exit(0);
    }

    /** A collection of its own in a database of its own, so the benchmark touches nothing of the stack's. */
    static MongoCollection<Document> scratch(MongoClient client) {
        return client.getDatabase("store-benchmark-" + UUID.randomUUID().toString().substring(0, 8))
            .getCollection("grievances");
    }

    /** {@code clients} closed-loop clients for {@code seconds}: every write acknowledged, its latency recorded. */
    static Result load(MongoCollection<Document> grievances, int clients, int seconds)
        throws InterruptedException {
        Recorder latency = new Recorder(3);
        AtomicLong writes = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try {
                    while (running.get()) {
                        String id = "HY-BENCH-" + UUID.randomUUID();
                        long start = System.nanoTime();
                        grievances.insertOne(new Document("_id", id).append("version", 0L)
                            .append("description", DESCRIPTION).append("status", "SUBMITTED")
                            .append("outbox", List.of(new Document("id", UUID.randomUUID().toString())
                                .append("type", "cn.huiyin.intake.GrievanceSubmitted.v1")
                                .append("data", DESCRIPTION))));
                        long inserted = System.nanoTime();
                        grievances.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("outbox", List.of()),
                            Updates.inc("version", 1L)));
                        long updated = System.nanoTime();
                        latency.recordValue((inserted - start) / 1000);
                        latency.recordValue((updated - inserted) / 1000);
                        writes.addAndGet(2);
                    }
                } finally {
                    done.countDown();
                }
            }, "store-benchmark-" + c);
            threads.add(thread);
            thread.start();
        }
        TimeUnit.SECONDS.sleep(seconds);
        running.set(false);
        done.await();
        return new Result(writes.get(), latency.getIntervalHistogram());
    }

    record Result(long writes, org.HdrHistogram.Histogram histogram) {

        double percentile(double p) {
            return histogram.getValueAtPercentile(p) / 1000.0;
        }

        double max() {
            return histogram.getMaxValue() / 1000.0;
        }
    }
}
