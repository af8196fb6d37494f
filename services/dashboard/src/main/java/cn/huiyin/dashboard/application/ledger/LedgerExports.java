package cn.huiyin.dashboard.application.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import cn.huiyin.dashboard.application.projection.LiveGeneration;
import cn.huiyin.dashboard.application.query.FactQueries;
import cn.huiyin.dashboard.application.query.FigureRow;
import cn.huiyin.dashboard.application.query.FigureTable;
import cn.huiyin.dashboard.application.query.Viewers;
import cn.huiyin.dashboard.domain.cell.Basis;
import cn.huiyin.dashboard.domain.cell.ReportingPeriod;
import cn.huiyin.dashboard.domain.metric.Metric;
import cn.huiyin.dashboard.domain.metric.MetricValue;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.access.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the case ledger (台账) of a territory and period — the cases submitted in it — as CSV or .xlsx, written as it
 * is read so that a million rows never sit in memory: directly into the response for up to {@link #directLimit} rows,
 * otherwise as a background job whose progress can be watched and whose file is kept for download. Also exports a
 * table of figures.
 */
public class LedgerExports {

    private static final Logger log = LoggerFactory.getLogger(LedgerExports.class);

    private final FactQueries facts;
    private final LiveGeneration live;
    private final LedgerFiles files;
    private final TableWriter.Formats formats;
    private final Executor executor;
    private final Clock clock;
    private final long directLimit;

    public LedgerExports(FactQueries facts, LiveGeneration live, LedgerFiles files, TableWriter.Formats formats,
                         Executor executor, Clock clock, long directLimit) {
        this.facts = facts;
        this.live = live;
        this.files = files;
        this.formats = formats;
        this.executor = executor;
        this.clock = clock;
        this.directLimit = directLimit;
    }

    /** Writes the ledger straight to {@code out}; refused above the direct limit (start a job instead). */
    public void write(Caller caller, String division, ReportingPeriod period, Format format, OutputStream out) {
        String scope = Viewers.scope(caller, division);
        String generation = live.forQueries();
        long total = facts.count(generation, scope, Basis.SUBMITTED, period.from(), period.to());
        if (total > directLimit) {
            throw DomainException.conflict("ledger.too-large", "台账共 " + total + " 行，超过直接下载上限 " + directLimit
                + " 行，请创建导出任务（POST /api/dashboard/ledger/exports）", "the ledger has " + total
                + " rows, more than the " + directLimit + " a direct download allows; start an export job "
                + "(POST /api/dashboard/ledger/exports)");
        }
        writeLedger(generation, scope, period, format, out, rows -> { });
    }

    /** Starts a background export; its progress and file are read with {@link #job} and {@link LedgerFiles#open}. */
    public LedgerJob start(Caller caller, String division, ReportingPeriod period, Format format) {
        String scope = Viewers.scope(caller, division);
        String generation = live.forQueries();
        long total = facts.count(generation, scope, Basis.SUBMITTED, period.from(), period.to());
        String id = UUID.randomUUID().toString();
        String name = "ledger-" + scope + "-" + period.label().replace("..", "_") + "." + format.extension();
        LedgerJob job = new LedgerJob(id, caller.username(), scope, period.label(), format, "QUEUED", 0, total,
            clock.instant(), null, name, null);
        files.save(job);
        executor.execute(() -> run(job, generation, period));
        return job;
    }

    public LedgerJob job(Caller caller, String id) {
        LedgerJob job = files.job(id).orElseThrow(() -> DomainException.notFound("export.not-found",
            "没有该导出任务", "no such export"));
        if (!job.requestedBy().equals(caller.username()) && !job.scope().startsWith(Viewers.scope(caller, null))) {
            throw DomainException.forbidden("export.not-yours", "该导出任务不在您的辖区内", "the export lies outside your jurisdiction");
        }
        return job;
    }

    public java.io.InputStream file(Caller caller, String id) {
        LedgerJob job = job(caller, id);
        if (!"DONE".equals(job.state())) {
            throw DomainException.conflict("export.not-ready", "导出尚未完成（" + job.percent() + "%）",
                "the export is not finished (" + job.percent() + " %)");
        }
        return files.open(id).orElseThrow(() -> DomainException.notFound("export.file-missing", "导出文件已不存在",
            "the export's file is gone"));
    }

    /** Writes a table of figures (its total and rows, every metric's value) to {@code out}. */
    public void writeFigures(FigureTable table, Format format, OutputStream out) {
        try (TableWriter writer = formats.open(format, out, "figures")) {
            List<String> header = new ArrayList<>(List.of("行 Row", "名称 Name"));
            for (Metric metric : Metric.values()) {
                header.add(metric.nameZh() + " " + metric.code());
            }
            writer.header(header);
            writer.row(figures(table.total(), "合计 total"));
            for (FigureRow row : table.rows()) {
                writer.row(figures(row, row.label()));
            }
        }
    }

    private static List<Object> figures(FigureRow row, String label) {
        List<Object> values = new ArrayList<>(List.of(row.key(), label == null ? "" : label));
        for (Metric metric : Metric.values()) {
            MetricValue value = row.figures().get(metric.code());
            values.add(value == null ? null : value.value());
        }
        return values;
    }

    private void run(LedgerJob job, String generation, ReportingPeriod period) {
        AtomicLong last = new AtomicLong(System.nanoTime());
        try (OutputStream out = files.create(job)) {
            long rows = writeLedger(generation, job.scope(), period, job.format(), out, written -> {
                long now = System.nanoTime();
                if (now - last.get() > 1_000_000_000L) {
                    last.set(now);
                    files.save(job.progressed(written));
                }
            });
            files.save(job.done(rows, clock.instant()));
        } catch (IOException | RuntimeException e) {
            log.error("Ledger export {} failed", job.id(), e);
            files.save(job.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant()));
        }
    }

    private long writeLedger(String generation, String scope, ReportingPeriod period, Format format, OutputStream out,
                             java.util.function.LongConsumer progress) {
        AtomicLong rows = new AtomicLong();
        try (TableWriter writer = formats.open(format, out, "台账")) {
            writer.header(LedgerColumns.HEADER);
            facts.forEach(generation, scope, Basis.SUBMITTED, period.from(), period.to(), fact -> {
                writer.row(LedgerColumns.row(fact));
                progress.accept(rows.incrementAndGet());
            });
        }
        return rows.get();
    }
}
