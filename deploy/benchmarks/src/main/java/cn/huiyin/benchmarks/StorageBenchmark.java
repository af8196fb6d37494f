package cn.huiyin.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import cn.huiyin.platform.embedded.EmbeddedMongoServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.h2.mvstore.MVStore;

/**
 * Bytes on disk per grievance of a stopped embedded stack's data directory: the MongoDB server's file and Kafka's log
 * directory, each divided by the grievances intake holds, and how much of the file live pages fill. Then it opens the file with the server (as a restart does),
 * stops it again and prints the size after, with the time each step took.
 *
 * <pre>java -jar deploy/benchmarks/target/huiyin-benchmarks.jar storage --data /tmp/stack-data</pre>
 */
final class StorageBenchmark implements Benchmarks.Benchmark {

    private static final String HELP = """
        storage: bytes on disk per grievance of a STOPPED embedded stack's data directory, before and after a restart
          --data D           the stack's data directory (HUIYIN_DATA_DIR), holding mongo/huiyin-v2.mv and kafka/
          --compression C    none|fast|high for the reopened store (the default of EmbeddedMongoServer)
          --retention-ms N   how long freed chunks are kept in the reopened store (the default)
        The file is changed in place (new pages are written as the reopened store is configured).
        """;

    @Override
    public void run(String[] args) throws Exception {
        Options options = Options.quietUnlessHelp(args, HELP);
        if (options == null) {
            return;
        }
        Path data = Path.of(options.get("data", "data"));
        Path file = data.resolve("mongo").resolve("huiyin-v2.mv");
        EmbeddedMongoServer.Storage defaults = EmbeddedMongoServer.Storage.defaults();
        EmbeddedMongoServer.Storage storage = new EmbeddedMongoServer.Storage(
            EmbeddedMongoServer.Storage.Compression.valueOf(
                options.get("compression", defaults.compression().name()).toUpperCase(java.util.Locale.ROOT)),
            Duration.ofMillis(options.integer("retention-ms", (int) defaults.retention().toMillis())));
        long kafka = size(data.resolve("kafka"));
        long before = Files.size(file);
        int fillRate = fillRate(file);

        long start = System.nanoTime();
        EmbeddedMongoServer server = EmbeddedMongoServer.onDisk("127.0.0.1", 0, file, storage).start();
        double open = seconds(start);
        long grievances;
        long cases;
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            grievances = client.getDatabase("intake").getCollection("grievances").estimatedDocumentCount();
            cases = client.getDatabase("triage").getCollection("cases").estimatedDocumentCount();
        }
        start = System.nanoTime();
        server.stop();
        double stop = seconds(start);
        long after = Files.size(file);

        double per = Math.max(grievances, 1);
        System.out.printf("""
            Storage of %s (%s): %,d grievances in intake, %,d cases in triage
              MongoDB file before: %,d bytes = %,.0f bytes/grievance; live pages fill %d %% of it (%,.0f bytes/grievance)
              Kafka logs:          %,d bytes = %,.0f bytes/grievance
              opened in %.1f s; stopped in %.1f s
              MongoDB file after:  %,d bytes = %,.0f bytes/grievance (%.0f %% of before)
            """, data, storage, grievances, cases, before, before / per, fillRate,
            before * fillRate / 100.0 / per, kafka, kafka / per, open, stop, after, after / per, 100.0 * after / Math.max(before, 1));
        System.exit(0);
    }

    /** The share of the file its live pages take (H2's own estimate, from the chunks' metadata). */
    private static int fillRate(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            return store.getFillRate();
        } finally {
            store.closeImmediately();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long size(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
