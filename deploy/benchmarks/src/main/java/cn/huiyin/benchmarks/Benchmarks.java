package cn.huiyin.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one benchmark by name against the running embedded stack ({@code ./huiyin up}) and prints its figures.
 * {@code java -jar deploy/benchmarks/target/huiyin-benchmarks.jar <name> [options]}; see docs/benchmarks.md.
 */
public final class Benchmarks {

    /** A benchmark: reads its options, loads the stack, prints what it measured. */
    @FunctionalInterface
    public interface Benchmark {
        void run(String[] args) throws Exception;
    }

    private static final Map<String, Benchmark> ALL = new LinkedHashMap<>();

    static {
        ALL.put("intake", new IntakeSubmitBenchmark());
        ALL.put("triage", new TriageLatencyBenchmark());
        ALL.put("follow-up", new FollowUpSupervisionBenchmark());
        ALL.put("store", new StoreWriteBenchmark());
        ALL.put("store-updates", new StoreUpdateBenchmark());
        ALL.put("dashboard", new DashboardBenchmark());
        ALL.put("ledger-xlsx", new LedgerWorkbookBenchmark());
        ALL.put("embedded-queries", new EmbeddedQueriesBenchmark());
        ALL.put("console-pages", new ConsolePagesBenchmark());
        ALL.put("storage", new StorageBenchmark());
        ALL.put("tokens", new TokenCheckBenchmark());
    }

    private Benchmarks() {
    }

    /** Every benchmark by the name it is run with. */
    static Map<String, Benchmark> all() {
        return java.util.Collections.unmodifiableMap(ALL);
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !ALL.containsKey(args[0])) {
            System.err.println("Usage: java -jar huiyin-benchmarks.jar <" + String.join("|", ALL.keySet()) + "> [options]");
            System.exit(2);
        }
        ALL.get(args[0]).run(Arrays.copyOfRange(args, 1, args.length));
    }
}
