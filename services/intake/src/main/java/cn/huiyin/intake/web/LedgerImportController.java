package cn.huiyin.intake.web;

import java.net.URI;
import java.util.Map;

import cn.huiyin.intake.application.ledger.ImportLedger;
import cn.huiyin.intake.application.ledger.LedgerImportReport;
import cn.huiyin.intake.application.ledger.LedgerImportReport.Outcome;
import cn.huiyin.platform.kernel.access.Roles;
import cn.huiyin.platform.service.security.CurrentUser;
import cn.huiyin.platform.service.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Importing a city's earlier ledger (台账导入, ADR 0025, columns in docs/ledger-import.md): the .xlsx file is the request
 * body. 200 with the row-by-row report when every row was good; 422 problem details listing every bad row and field
 * (Chinese and English) when some were not — the good rows of that same request are imported all the same, once.
 */
@RestController
@RequestMapping("/api/ledger-imports")
@Tag(name = "Ledger import (台账导入)")
class LedgerImportController {

    static final URI ROWS_REJECTED = URI.create("urn:huiyin:problem:ledger-rows-rejected");

    private final ImportLedger importLedger;

    LedgerImportController(ImportLedger importLedger) {
        this.importLedger = importLedger;
    }

    /** The body is read as bytes whatever its declared type: what matters is whether it is a workbook. */
    @PostMapping
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Imports an .xlsx ledger of open and closed grievances (channel LEDGER_IMPORT), once per row "
        + "(source + ledger number): repeating it imports nothing new and reports those rows ALREADY_IMPORTED")
    ResponseEntity<?> importLedger(@RequestParam(required = false) String source, @RequestBody(required = false) byte[] file) {
        LedgerImportReport report = importLedger.importLedger(CurrentUser.required().caller(), source,
            XlsxLedgers.read(file));
        long imported = report.count(Outcome.IMPORTED);
        long already = report.count(Outcome.ALREADY_IMPORTED);
        long rejected = report.count(Outcome.REJECTED);
        if (rejected == 0) {
            return ResponseEntity.ok(report);
        }
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, ROWS_REJECTED, "台账中有不合格的行",
            "Some ledger rows were rejected",
            "共 " + report.rows() + " 行：" + rejected + " 行有误未导入（见 errors，逐行逐项），" + imported + " 行已导入，"
                + already + " 行此前已导入；改正后重新导入全表即可，已导入的行不会重复",
            report.rows() + " rows: " + rejected + " rejected and not stored (see errors, per row and field), "
                + imported + " imported, " + already + " imported before; correct them and import the whole sheet "
                + "again, rows already imported are not imported twice");
        problem.setProperty("source", report.source());
        problem.setProperty("rows", report.rows());
        problem.setProperty("summary", Map.of("imported", imported, "alreadyImported", already, "rejected", rejected));
        problem.setProperty("results", report.results());
        problem.setProperty("errors", report.problems());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

}
