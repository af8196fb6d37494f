package cn.huiyin.platform.service.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.Roles;
import cn.huiyin.platform.service.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's audit trail for supervisors (their own jurisdiction) and administrators: query, and export for the
 * records office.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit trail (留痕)", description = "Who changed or read what, and when; append-only")
public class AuditController {

    private static final int MAX_PAGE = 500;

    private final AuditTrail trail;
    private final JsonMapper json;

    public AuditController(AuditTrail trail, JsonMapper json) {
        this.trail = trail;
        this.json = json;
    }

    public record AuditPage(List<AuditEntry> entries, int page, int size, long total) {
    }

    @GetMapping
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Search the audit trail, newest first (supervisors: their own jurisdiction)")
    AuditPage search(@RequestParam(required = false) String grievanceId, @RequestParam(required = false) String actor,
                     @RequestParam(required = false) String kind, @RequestParam(required = false) String action,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE) {
            throw DomainException.invalid("paging.invalid", "page 不能为负，size 须在 1 到 " + MAX_PAGE + " 之间",
                "page must not be negative and size must be between 1 and " + MAX_PAGE);
        }
        Caller caller = CurrentUser.required().caller();
        AuditTrail.AuditFilter filter = new AuditTrail.AuditFilter(grievanceId, actor, kind, action, from, to);
        return new AuditPage(trail.find(filter, caller, page, size), page, size, trail.count(filter, caller));
    }

    @GetMapping("/export")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Export the audit trail as CSV (opens in Excel) or NDJSON, streamed (supervisors: their own "
        + "jurisdiction); the export itself is audited")
    void export(@RequestParam(required = false) String grievanceId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                @RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
        if (!format.equals("csv") && !format.equals("ndjson")) {
            throw DomainException.invalid("format.unknown", "format 只能是 csv 或 ndjson", "format must be csv or ndjson");
        }
        Caller caller = CurrentUser.required().caller();
        AuditTrail.AuditFilter filter = new AuditTrail.AuditFilter(grievanceId, null, null, null, from, to);
        trail.exported("format=" + format + " grievanceId=" + grievanceId + " from=" + from + " to=" + to);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-trail." + format + "\"");
        response.setContentType(format.equals("ndjson") ? "application/x-ndjson" : "text/csv");
        OutputStream out = response.getOutputStream();
        if (format.equals("ndjson")) {
            trail.export(filter, caller, entry -> {
                try {
                    out.write(json.writeValueAsBytes(entry));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
            return;
        }
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        writer.write("at,kind,action,grievanceId,actor,actorOrg,fields,reason,service,eventType,id\r\n");
        trail.export(filter, caller, e -> {
            try {
                writer.write(String.join(",", csv(e.at()), csv(e.kind()), csv(e.action()), csv(e.grievanceId()),
                    csv(e.actor()), csv(e.actorOrg()), csv(e.fields() == null ? null : String.join(";", e.fields())),
                    csv(e.reason()), csv(e.service()), csv(e.eventType()), csv(e.id())));
                writer.write("\r\n");
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        });
        writer.flush();
    }

    private static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // A leading = + - @ would make a spreadsheet evaluate the cell; quote such text.
        boolean formula = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0;
        if (formula || text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + (formula ? "'" : "") + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
