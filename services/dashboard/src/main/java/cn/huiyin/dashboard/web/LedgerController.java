package cn.huiyin.dashboard.web;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import cn.huiyin.dashboard.application.ledger.LedgerExport;
import cn.huiyin.dashboard.domain.cell.ReportingPeriod;
import cn.huiyin.platform.kernel.access.Roles;
import cn.huiyin.platform.service.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The case ledger (台账) as CSV, streamed row by row (UTF-8 with a byte-order mark, so Excel reads the Chinese). */
@RestController
@RequestMapping("/api/dashboard/ledger")
@Tag(name = "Dashboard ledger (台账)")
class LedgerController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final LedgerExport ledger;
    private final Clock clock;

    LedgerController(LedgerExport ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @GetMapping(value = "/cases.csv", produces = "text/csv")
    @RolesAllowed({Roles.DASHBOARD_VIEWER, Roles.SUPERVISOR})
    @Operation(summary = "One row per grievance submitted in the period within your jurisdiction: stages, working "
        + "times, outcome, remedy (no personal data)")
    ResponseEntity<StreamingResponseBody> cases(@RequestParam(required = false) String period,
                                                @RequestParam(required = false) String division) {
        QueryParameters parameters = new QueryParameters(clock);
        ReportingPeriod asked = parameters.period("period", period);
        parameters.check();
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
