package cn.huiyin.platform.embedded;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's slow-query log, as MongoDB's profiler logs operations slower than {@code slowms}: a query
 * that took 100 ms or more is logged with what it examined, at most once a minute per collection, so that a query
 * no index serves shows up before users feel it.
 */
final class SlowQueries {

    private static final Logger log = LoggerFactory.getLogger(SlowQueries.class);
    private static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final Map<String, long[]> LAST = new ConcurrentHashMap<>();

    private SlowQueries() {
    }

    static void ran(String namespace, Document filter, Document orderBy, long startNanos, long keysExamined,
                    long docsExamined) {
        long now = System.nanoTime();
        if (now - startNanos < SLOW_NANOS) {
            return;
        }
        long[] last = LAST.computeIfAbsent(namespace, n -> new long[] {now - QUIET_NANOS - 1, 0});
        synchronized (last) {
            if (now - last[0] < QUIET_NANOS) {
                last[1]++;
                return;
            }
            log.info("Slow query on {}: {} ms, {} keys and {} documents examined, filter {}, sort {} ({} more since "
                + "the last line)", namespace, (now - startNanos) / 1_000_000, keysExamined, docsExamined, filter,
                orderBy, last[1]);
            last[0] = now;
            last[1] = 0;
        }
    }
}
