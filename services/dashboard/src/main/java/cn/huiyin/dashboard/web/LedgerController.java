package cn.huiyin.dashboard.web;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import cn.huiyin.dashboard.application.ledger.LedgerExport;
import cn.huiyin.dashboard.application.ledger.LedgerExportView;
import cn.huiyin.dashboard.application.ledger.LedgerExports;
import cn.huiyin.dashboard.domain.cell.ReportingPeriod;
import cn.huiyin.platform.kernel.access.Roles;
import cn.huiyin.platform.service.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The case ledger (台账): as CSV, streamed row by row (UTF-8 with a byte-order mark, so Excel reads the Chinese); as an
 * .xlsx workbook, directly when small, else through a background export job (ADR 0025).
 */
@RestController
@RequestMapping("/api/dashboard/ledger")
@Tag(name = "Dashboard ledger (台账)")
class LedgerController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX =
        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final LedgerExport ledger;
    private final LedgerExports exports;
    private final Clock clock;

    LedgerController(LedgerExport ledger, LedgerExports exports, Clock clock) {
        this.ledger = ledger;
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping(value = "/cases.csv", produces = "text/csv")
    @RolesAllowed({Roles.DASHBOARD_VIEWER, Roles.SUPERVISOR})
    @Operation(summary = "One row per grievance submitted in the period within your jurisdiction: stages, working "
        + "times, outcome, remedy (no personal data)")
    ResponseEntity<StreamingResponseBody> cases(@RequestParam(required = false) String period,
                                                @RequestParam(required = false) String division) {
        ReportingPeriod asked = period(period);
        String scope = ledger.scope(CurrentUser.required().caller(), division);
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write('\uFEFF');
            ledger.rows(scope, asked, row -> write(writer, row));
            writer.flush();
        };
        return ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"ledger-" + scope + "-" + asked.label() + ".csv\"").body(body);
    }

    @GetMapping(value = "/cases.xlsx")
    @RolesAllowed({Roles.DASHBOARD_VIEWER, Roles.SUPERVISOR})
    @Operation(summary = "The same ledger as an .xlsx workbook, written while you wait: only for a ledger of at most "
        + "huiyin.dashboard.ledger.direct-limit rows (422 otherwise: use POST /api/dashboard/ledger/exports)")
    ResponseEntity<StreamingResponseBody> workbook(@RequestParam(required = false) String period,
                                                   @RequestParam(required = false) String division) {
        ReportingPeriod asked = period(period);
        String scope = ledger.scope(CurrentUser.required().caller(), division);
        exports.checkDirect(scope, asked);
        StreamingResponseBody body = out -> exports.write(scope, asked, out);
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + LedgerExports.filename(scope, asked) + "\"").body(body);
    }

    @PostMapping("/exports")
    @RolesAllowed({Roles.DASHBOARD_VIEWER, Roles.SUPERVISOR})
    @Operation(summary = "Starts writing the ledger of the period (and division) as an .xlsx workbook in the "
        + "background: 202 with the job and its Location; watch it there, fetch it from .../file when DONE")
    ResponseEntity<LedgerExportView> startExport(@RequestParam(required = false) String period,
                                                 @RequestParam(required = false) String division) {
        ReportingPeriod asked = period(period);
        LedgerExportView job = exports.start(CurrentUser.required().caller(), division, asked);
        return ResponseEntity.accepted().location(URI.create("/api/dashboard/ledger/exports/" + job.id())).body(job);
    }

    @GetMapping("/exports/{id}")
    @RolesAllowed({Roles.DASHBOARD_VIEWER, Roles.SUPERVISOR})
    @Operation(summary = "An export of yours: state (QUEUED, COUNTING, WRITING, DONE, FAILED), rows written of the "
        + "total, percent, rows per second, seconds left, and the download link once DONE")
    LedgerExportView export(@PathVariable String id) {
        return exports.progress(CurrentUser.required().caller(), id);
    }

    @GetMapping("/exports/{id}/file")
    @RolesAllowed({Roles.DASHBOARD_VIEWER, Roles.SUPERVISOR})
    @Operation(summary = "The finished workbook of an export of yours (409 until it is DONE)")
    ResponseEntity<Resource> exportFile(@PathVariable String id) {
        LedgerExports.Download download = exports.download(CurrentUser.required().caller(), id);
        return ResponseEntity.ok().contentType(XLSX).contentLength(download.bytes())
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + download.filename() + "\"")
            .body(new FileSystemResource(download.file()));
    }

    private ReportingPeriod period(String period) {
        QueryParameters parameters = new QueryParameters(clock);
        ReportingPeriod asked = parameters.period("period", period);
        parameters.check();
        return asked;
    }

    private static void write(Writer writer, List<String> row) {
        try {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(cell(row.get(i)));
            }
            writer.write("\r\n");
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 quoting; a cell a spreadsheet would take for a formula is prefixed with an apostrophe. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
