package cn.huiyin.platform.test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh identifiers for tests, in the shapes intake issues. A grievance id has only a million numbers per day, and a
 * suite files thousands of grievances on the few days its clocks are set to: drawn at random, two tests would share a
 * case now and then (the birthday bound), and the second would find the first's case. Ids are therefore unique within
 * the test JVM, which shares one service and its database.
 */
public final class TestIds {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();

    private TestIds() {
    }

    /** A tracking number of intake's shape ({@code HY-yyyyMMdd-nnnnnn}) for the Beijing date of {@code at}. */
    public static String grievanceId(Instant at) {
        String day = LocalDate.ofInstant(at, BEIJING).toString().replace("-", "");
        while (true) {
            String id = "HY-" + day + "-" + String.format("%06d", ThreadLocalRandom.current().nextInt(1, 1_000_000));
            if (ISSUED.add(id)) {
                return id;
            }
        }
    }

    /** An opaque worker reference of intake's shape, as pseudonymous as the real ones. */
    public static String workerRef() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "wk-" + HexFormat.of().formatHex(bytes);
    }
}
