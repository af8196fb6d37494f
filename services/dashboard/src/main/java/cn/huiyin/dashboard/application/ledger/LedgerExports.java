package cn.huiyin.dashboard.application.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import cn.huiyin.dashboard.domain.cell.ReportingPeriod;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.access.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case ledger (台账) as an .xlsx workbook: written directly for a small ledger, or by a background job for a large
 * one (up to millions of rows) whose progress its requester watches and whose file they fetch when it is done. The
 * request thread never writes a large workbook. Jobs live in this process only: a restart forgets them and their files
 * (they are re-run, not recovered). A job belongs to who asked for it, and its territory is fixed when it is asked for.
 */
public class LedgerExports {

    private static final Logger log = LoggerFactory.getLogger(LedgerExports.class);
    static final String SHEET = "台账 ledger";

    public enum State { QUEUED, COUNTING, WRITING, DONE, FAILED }

    /** A finished workbook to send. */
    public record Download(Path file, String filename, long bytes) {
    }

    private final LedgerExport ledger;
    private final Workbooks workbooks;
    private final Executor executor;
    private final Clock clock;
    private final Path directory;
    private final long directLimit;
    private final Duration keep;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param executor    runs the jobs (one at a time: a workbook of a million rows wants a core to itself)
     * @param directory   where finished workbooks wait to be fetched
     * @param directLimit the most rows a workbook written during the request may have
     * @param keep        how long a finished job and its file are kept
     */
    public LedgerExports(LedgerExport ledger, Workbooks workbooks, Executor executor, Clock clock, Path directory,
                         long directLimit, Duration keep) {
        this.ledger = ledger;
        this.workbooks = workbooks;
        this.executor = executor;
        this.clock = clock;
        this.directory = directory;
        this.directLimit = directLimit;
        this.keep = keep;
    }

    /**
     * Checks that the ledger of {@code scope} is small enough to be written during the request; 422 naming the job
     * endpoint otherwise.
     */
    public void checkDirect(String scope, ReportingPeriod period) {
        long rows = ledger.count(scope, period);
        if (rows > directLimit) {
            throw DomainException.invalid("ledger.too-large", "台账共 " + rows + " 行，超过直接下载上限 " + directLimit
                    + " 行，请用 POST /api/dashboard/ledger/exports 在后台生成",
                "the ledger has " + rows + " rows, more than the " + directLimit + " a direct download may have; "
                    + "create a background export with POST /api/dashboard/ledger/exports");
        }
    }

    /** Writes the workbook of the ledger of {@code scope} to {@code out} (a small one: {@link #checkDirect}). */
    public void write(String scope, ReportingPeriod period, OutputStream out) throws IOException {
        try (Workbooks.Writer workbook = workbooks.open()) {
            workbook.sheet(SHEET, LedgerExport.HEADER);
            ledger.values(scope, period, workbook::row);
            workbook.writeTo(out);
        }
    }

    /** Queues a background export of the ledger of {@code division} (or the caller's jurisdiction). */
    public LedgerExportView start(Caller caller, String division, ReportingPeriod period) {
        String scope = ledger.scope(caller, division);
        forgetExpired();
        Job job = new Job(newId(), caller.username(), scope, period, clock.instant());
        jobs.put(job.id, job);
        executor.execute(() -> run(job));
        return view(job);
    }

    /** The progress of one of the caller's jobs; 404 for a job that is not theirs (or no longer kept). */
    public LedgerExportView progress(Caller caller, String id) {
        return view(own(caller, id));
    }

    /** The finished workbook of one of the caller's jobs; 409 while it is being written. */
    public Download download(Caller caller, String id) {
        Job job = own(caller, id);
        if (job.state != State.DONE) {
            throw DomainException.conflict("ledger.export-not-done", "台账尚未生成完毕（" + job.state + "）",
                "the export is not finished (" + job.state + ")");
        }
        return new Download(job.file, filename(job.scope, job.period), job.bytes);
    }

    public static String filename(String scope, ReportingPeriod period) {
        return "ledger-" + scope + "-" + period.label() + ".xlsx";
    }

    private void run(Job job) {
        job.started = System.nanoTime();
        try {
            job.state = State.COUNTING;
            job.total = ledger.count(job.scope, job.period);
            job.state = State.WRITING;
            Path file = directory.resolve(job.id + ".xlsx");
            try (Workbooks.Writer workbook = workbooks.open(); OutputStream out = Files.newOutputStream(file)) {
                workbook.sheet(SHEET, LedgerExport.HEADER);
                ledger.values(job.scope, job.period, row -> {
                    workbook.row(row);
                    job.written.incrementAndGet();
                });
                workbook.writeTo(out);
            }
            job.file = file;
            job.bytes = Files.size(file);
            job.finished = System.nanoTime();
            job.finishedAt = clock.instant();
            job.state = State.DONE;
            log.info("Ledger export {} of {} {}: {} rows, {} bytes", job.id, job.scope, job.period.label(),
                job.written.get(), job.bytes);
        } catch (IOException | RuntimeException e) {
            log.warn("Ledger export {} failed", job.id, e);
            job.failure = e.getClass().getSimpleName();
            job.finished = System.nanoTime();
            job.finishedAt = clock.instant();
            job.state = State.FAILED;
        }
    }

    private Job own(Caller caller, String id) {
        Job job = id == null ? null : jobs.get(id);
        if (job == null || !job.owner.equals(caller.username())) {
            throw DomainException.notFound("ledger.export-unknown", "没有这个台账导出任务：" + id, "no such export: " + id);
        }
        return job;
    }

    private void forgetExpired() {
        Instant before = clock.instant().minus(keep);
        for (Job job : List.copyOf(jobs.values())) {
            if (job.finishedAt != null && job.finishedAt.isBefore(before)) {
                jobs.remove(job.id);
                if (job.file != null) {
                    try {
                        Files.deleteIfExists(job.file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
    }

    private LedgerExportView view(Job job) {
        long written = job.written.get();
        Long total = job.total;
        long started = job.started;
        long until = job.finished != 0 ? job.finished : System.nanoTime();
        double seconds = started == 0 ? 0 : (until - started) / 1e9;
        double rate = seconds <= 0 ? 0 : written / seconds;
        double percent = job.state == State.DONE ? 100
            : total == null || total == 0 ? 0 : Math.round(written * 10_000.0 / total) / 100.0;
        Long eta = job.state != State.WRITING || rate <= 0 || total == null ? null
            : (long) Math.ceil((total - written) / rate);
        return new LedgerExportView(job.id, job.state.name(), job.scope, job.period.label(), job.owner,
            job.requestedAt, job.finishedAt, written, total, percent, Math.round(rate), eta,
            job.state == State.DONE ? job.bytes : null,
            job.state == State.DONE ? "/api/dashboard/ledger/exports/" + job.id + "/file" : null, job.failure);
    }

    private String newId() {
        byte[] bytes = new byte[9];
        random.nextBytes(bytes);
        return "LX-" + HexFormat.of().formatHex(bytes);
    }

    /** A job's mutable state: written by its one worker thread, read by requests (volatile fields). */
    private static final class Job {
        final String id;
        final String owner;
        final String scope;
        final ReportingPeriod period;
        final Instant requestedAt;
        final AtomicLong written = new AtomicLong();
        volatile State state = State.QUEUED;
        volatile Long total;
        volatile long started;
        volatile long finished;
        volatile Instant finishedAt;
        volatile Path file;
        volatile long bytes;
        volatile String failure;

        Job(String id, String owner, String scope, ReportingPeriod period, Instant requestedAt) {
            this.id = id;
            this.owner = owner;
            this.scope = scope;
            this.period = period;
            this.requestedAt = requestedAt;
        }
    }
}
