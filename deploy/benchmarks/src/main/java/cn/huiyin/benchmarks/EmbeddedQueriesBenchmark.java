package cn.huiyin.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import cn.huiyin.platform.embedded.EmbeddedMongoServer;
import cn.huiyin.platform.embedded.IndexNarrowingH2Backend;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.HdrHistogram.Histogram;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Read latency of the embedded MongoDB-protocol server on a city's worth of stored state: the queries behind an
 * organisation's inbox page (triage), a clerk's grievance list (intake) and the supervision due-step scan
 * (follow-up), with the store size on disk and the time to reopen it.
 *
 * <p>The loader is a documented fast path ({@link StoredGrievances}): it writes, through the MongoDB protocol into the
 * store file, documents of the shape each service stores (triage's {@code inbox} entries, intake's {@code grievances},
 * follow-up's {@code cases_due}), with the indexes each service declares, in batches; no Kafka, no services. The queries are
 * the services' own (same filters, sorts and page sizes as {@code MongoInboxes.page}, {@code MongoGrievances.search}
 * and {@code DueIndex.due}).
 *
 * <p>{@code --no-secondary-indexes true} runs the server as it was before it kept secondary indexes (an empty
 * stand-in: every such query scans), for the "before" figures. Reopening a store written that way with indexes on
 * builds them once (the upgrade), which is timed too.
 */
final class EmbeddedQueriesBenchmark implements Benchmarks.Benchmark {

    private static final String HELP = """
        embedded-queries: inbox page, clerk's list and due-step scan latency on the embedded store
          --grievances N   grievances to load when the store is new (default 200000)
          --dir PATH       where the store file lives; an existing store is reused (default ./target/embedded-queries)
          --queries N      queries of each kind measured, after as many unmeasured (default 300)
          --no-secondary-indexes true   behave as before secondary indexes were kept (all such queries scan)
        """;

    private static final int ORGANISATIONS = 120;
    private static final int STREETS = 60;
    private static final Instant START = StoredGrievances.START;

    @Override
    public void run(String[] args) throws Exception {
        Options options = Options.quietUnlessHelp(args, HELP);
        if (options == null) {
            return;
        }
        int grievances = options.integer("grievances", 200_000);
        int queries = options.integer("queries", 300);
        boolean indexes = !"true".equals(options.get("no-secondary-indexes", "false"));
        System.setProperty(IndexNarrowingH2Backend.SECONDARY_INDEXES_PROPERTY, String.valueOf(indexes));
        Path dir = Path.of(options.get("dir", "target/embedded-queries"));
        Path file = dir.resolve("mongo.mv");
        boolean fresh = !Files.exists(file);
        System.out.printf("embedded-queries: store %s (%s), secondary indexes %s%n", file,
            fresh ? "new, loading " + grievances + " grievances" : "existing", indexes ? "kept" : "off (as before)");

        long opened = System.nanoTime();
        EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file).start();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            StoredGrievances stores = stores(client);
            stores.declareIndexes();
            System.out.printf("opened in %.1f s (with index declarations%s)%n", seconds(opened),
                indexes && !fresh ? "; an index the file lacks is built here" : "");
            if (fresh) {
                stores.load(grievances);
            }
            System.out.printf("store: %,d grievances, %,d inbox entries, %,d due entries; file %,d MB%n",
                stores.grievances.estimatedDocumentCount(), stores.inbox.estimatedDocumentCount(),
                stores.due.estimatedDocumentCount(),
                Files.size(file) >> 20);
            measure(stores, queries);
        } finally {
            server.stop();
        }
        long reopened = System.nanoTime();
        EmbeddedMongoServer again = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file).start();
        try (MongoClient client = MongoClients.create(again.connectionString())) {
            StoredGrievances stores = stores(client);
            stores.declareIndexes();
            stores.inbox.find(Filters.eq("organisationId", organisation(0))).limit(1).first();
            System.out.printf("reopen (server start, index declarations, first inbox read): %.1f s; file %,d MB%n",
                seconds(reopened), Files.size(file) >> 20);
        } finally {
            again.stop();
        }
        System.exit(0);
    }

    /** The loader's organisations {@code org-street-0 …} and streets {@code 510108000 …}, and the due entries. */
    private static StoredGrievances stores(MongoClient client) {
        return new StoredGrievances(client, StoredGrievances.streetOrganisations(ORGANISATIONS),
            StoredGrievances.streetDivisions("510108", STREETS), true);
    }

    private static void measure(StoredGrievances stores, int queries) {
        Random random = new Random(7);
        Instant now = START.plus(300, ChronoUnit.DAYS);
        report("inbox page (triage: organisation, PENDING, by due, 20)", queries, () -> {
            String organisation = organisation(skewed(random, ORGANISATIONS));
            String literal = organisation.replaceAll("[^A-Za-z0-9-]", "\\\\$0");
            Bson filter = Filters.and(Filters.and(Filters.regex("_id", Pattern.compile("^" + literal + "\\|")),
                Filters.eq("organisationId", organisation)), Filters.eq("status", "PENDING"));
            return stores.inbox.find(filter).sort(Sorts.ascending("dueAt", "grievanceId")).limit(20)
                .into(new ArrayList<>()).size();
        });
        report("inbox page, all views (triage: organisation, by due, 20)", queries, () -> {
            String organisation = organisation(skewed(random, ORGANISATIONS));
            String literal = organisation.replaceAll("[^A-Za-z0-9-]", "\\\\$0");
            Bson filter = Filters.and(Filters.regex("_id", Pattern.compile("^" + literal + "\\|")),
                Filters.eq("organisationId", organisation));
            return stores.inbox.find(filter).sort(Sorts.ascending("dueAt", "grievanceId")).limit(20)
                .into(new ArrayList<>()).size();
        });
        report("clerk's list (intake: handling organisation, newest 20, and the total)", queries, () -> {
            String organisation = organisation(skewed(random, ORGANISATIONS));
            Bson filter = Filters.or(Filters.eq("handling.orgId", organisation),
                Filters.eq("handling.coHandlingOrgIds", organisation));
            stores.grievances.countDocuments(filter);
            return stores.grievances.find(filter).sort(Sorts.descending("submittedAt")).limit(20)
                .into(new ArrayList<>()).size();
        });
        report("clerk's list by street (intake: division prefix, newest 20)", queries, () -> {
            String prefix = division(skewed(random, STREETS));
            return stores.grievances.find(Filters.regex("place.divisionCode", "^" + Pattern.quote(prefix)))
                .sort(Sorts.descending("submittedAt")).limit(20).into(new ArrayList<>()).size();
        });
        report("due-step scan (follow-up: due <= now, 500 ids)", queries, () ->
            stores.due.find(Filters.lte("due", Date.from(now.minus(random.nextInt(200), ChronoUnit.DAYS))))
                .projection(Projections.include("_id", "touches")).limit(500).into(new ArrayList<>()).size());
    }

    private static void report(String name, int queries, Supplier<Integer> query) {
        Histogram latency = new Histogram(3);
        long rows = 0;
        long started = System.nanoTime();
        for (int i = 0; i < queries * 2; i++) {
            long start = System.nanoTime();
            int found = query.get();
            if (i >= queries) {
                latency.recordValue((System.nanoTime() - start) / 1000);
                rows += found;
            }
            if (i > 0 && i % 100 == 0 && seconds(started) > 10) {
                System.out.printf("  %s: %d of %d queries%n", name, i, queries * 2);
            }
        }
        System.out.printf("%-72s p50 %8.1f ms  p99 %8.1f ms  max %8.1f ms  (%d rows/query)%n", name,
            latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
            latency.getMaxValue() / 1000.0, rows / queries);
    }

    private static int skewed(Random random, int n) {
        return StoredGrievances.skewed(random, n);
    }

    private static String organisation(int n) {
        return "org-street-" + n;
    }

    private static String division(int street) {
        return "510108" + String.format("%03d", street);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
