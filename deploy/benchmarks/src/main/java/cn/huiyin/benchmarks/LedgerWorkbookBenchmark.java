package cn.huiyin.benchmarks;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import cn.huiyin.dashboard.application.ledger.Workbooks;
import cn.huiyin.dashboard.web.XlsxWorkbooks;

/**
 * Writes a ledger workbook of {@code --rows} rows shaped like the dashboard's ledger (31 columns: ids, codes, Beijing
 * times, working minutes, flags, yuan) through the dashboard's own {@link XlsxWorkbooks} (POI SXSSF), and reports rows
 * per second, file size and the heap in use: the part of a large export that does not depend on the store.
 */
final class LedgerWorkbookBenchmark implements Benchmarks.Benchmark {

    static final String HELP = """
        ledger-xlsx: writes an .xlsx ledger of N rows with the dashboard's SXSSF writer (docs/benchmarks.md)
          --rows N   rows (default 1000000)
          --out F    the file (default a temporary file, deleted at the end)
        """;

    @Override
    public void run(String[] args) throws Exception {
        if (Options.helpAsked(args, HELP)) {
            return;
        }
        Options options = Options.parse(args);
        int rows = options.integer("rows", 1_000_000);
        Path file = options.values().containsKey("out") ? Path.of(options.get("out", ""))
            : Files.createTempFile("huiyin-ledger-benchmark", ".xlsx");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<String> header = new ArrayList<>();
        for (int c = 0; c < 31; c++) {
            header.add("column " + c);
        }
        long maxHeap = 0;
        long started = System.nanoTime();
        long lastReport = started;
        try (Workbooks.Writer workbook = new XlsxWorkbooks().open();
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            workbook.sheet("台账 ledger", header);
            LocalDateTime base = LocalDateTime.of(2026, 1, 1, 9, 0);
            for (int i = 0; i < rows; i++) {
                workbook.row(row(i, base));
                if (i % 50_000 == 0) {
                    maxHeap = Math.max(maxHeap, memory.getHeapMemoryUsage().getUsed());
                }
                if (System.nanoTime() - lastReport > 10e9) {
                    lastReport = System.nanoTime();
                    System.out.printf("  %,d of %,d rows (%.0f rows/s), heap in use %,d MB%n", i + 1, rows,
                        (i + 1) / ((lastReport - started) / 1e9), memory.getHeapMemoryUsage().getUsed() >> 20);
                }
            }
            long rowsDone = System.nanoTime();
            workbook.writeTo(out);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("ledger-xlsx: %,d rows in %.1f s (rows %.1f s, zip %.1f s): %,.0f rows/s; file %,d MB; "
                    + "heap in use at most %,d MB (sampled)%n", rows, seconds, (rowsDone - started) / 1e9,
                (System.nanoTime() - rowsDone) / 1e9, rows / seconds, Files.size(file) >> 20, maxHeap >> 20);
        } finally {
            if (!options.values().containsKey("out")) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static List<Object> row(int i, LocalDateTime base) {
        LocalDateTime at = base.plusMinutes(i % 500_000);
        List<Object> row = new ArrayList<>(31);
        row.add(String.format("HY-2026%02d%02d-%06d", 1 + i % 12, 1 + i % 28, i % 1_000_000));
        row.add(at);
        row.add("HOTLINE_12328");
        row.add("TRUCK_DRIVER");
        row.add("WAGES");
        row.add("510112002");
        row.add("某物流有限公司");
        row.add("市货运物流行业党委");
        row.add(at.plusMinutes(5));
        row.add(at.plusMinutes(25));
        row.add(at.plusMinutes(45));
        row.add(40);
        row.add(true);
        row.add(at.plusHours(20));
        row.add("RESOLVED");
        row.add(600);
        row.add(true);
        row.add("YES");
        row.add("SATISFIED");
        row.add(at.plusHours(23));
        row.add("RESOLVED_AND_SATISFIED");
        row.add(0);
        row.add(0);
        row.add(0);
        row.add(0);
        row.add(0);
        row.add(i % 7 == 0 ? BigDecimal.valueOf(826000, 2) : null);
        row.add(i % 7 == 0);
        row.add(false);
        row.add(i % 7 == 0 ? 1 : null);
        row.add(false);
        return row;
    }
}
