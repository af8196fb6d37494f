package cn.huiyin.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every benchmark explains itself with {@code --help} and starts nothing: a newcomer asking for the options must not
 * get a broker, a store or a load against whatever listens on the default ports.
 */
class BenchmarksHelpTest {

    @Test
    void everyBenchmarkAnswersHelpWithItsNameAndOptionsAndRunsNothing() throws Exception {
        for (Map.Entry<String, Benchmarks.Benchmark> benchmark : Benchmarks.all().entrySet()) {
            String help = helpOf(benchmark.getValue());

            assertThat(help).as(benchmark.getKey()).startsWith(benchmark.getKey() + ":");
            assertThat(help).as(benchmark.getKey()).containsPattern("\\n\\s+--[a-z]");
            assertThat(help).as(benchmark.getKey() + " ran instead of explaining").doesNotContain("measured for",
                "writes/s", "samples");
        }
    }

    private static String helpOf(Benchmarks.Benchmark benchmark) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            benchmark.run(new String[] {"--help"});
        } finally {
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
