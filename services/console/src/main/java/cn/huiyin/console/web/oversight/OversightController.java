package cn.huiyin.console.web.oversight;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.console.application.Service;
import cn.huiyin.console.application.Services;
import cn.huiyin.console.web.BeijingTime;
import cn.huiyin.console.web.PageActions;
import cn.huiyin.console.web.PageParts;
import cn.huiyin.platform.kernel.access.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supervisor's escalations, own 督办, extension approvals and audit search. */
@Controller
class OversightController {

    private final Services services;

    OversightController(Services services) {
        this.services = services;
    }

    @GetMapping("/supervisor")
    @PreAuthorize("hasAnyRole('" + Roles.SUPERVISOR + "','" + Roles.ADMIN + "')")
    String supervisor(@RequestParam(required = false) String auditGrievanceId, Model model) {
        PageParts parts = PageParts.of(services, model)
            .prefetch(Service.FOLLOW_UP, "/api/supervision/escalations?size=50")
            .prefetch(Service.FOLLOW_UP, "/api/supervision/extensions?size=50");
        model.addAttribute("escalations", parts.list("escalations", Service.FOLLOW_UP,
            "/api/supervision/escalations?size=50", "items"));
        List<Map<String, Object>> extensions = parts.list("extensions", Service.FOLLOW_UP,
            "/api/supervision/extensions?size=50", "items");
        for (Map<String, Object> row : extensions) {
            Object extension = row.get("extension");
            Map<?, ?> e = extension instanceof Map<?, ?> m ? m : Map.of();
            row.put("fromDueBeijing", BeijingTime.of(e.get("fromDueAt")));
            row.put("requestedDueBeijing", BeijingTime.of(e.get("requestedDueAt")));
        }
        model.addAttribute("extensions", extensions);
        if (auditGrievanceId != null && !auditGrievanceId.isBlank()) {
            List<Map<String, Object>> audit = parts.list("audit", Service.INTAKE, "/api/audit?size=50&grievanceId="
                + URLEncoder.encode(auditGrievanceId.strip(), StandardCharsets.UTF_8), "entries");
            audit.forEach(entry -> entry.put("atBeijing", BeijingTime.of(entry.get("at"))));
            model.addAttribute("audit", audit);
            model.addAttribute("auditGrievanceId", auditGrievanceId.strip());
        }
        return "oversight/supervisor";
    }

    /** A supervisor's own 督办: instructions and the date by which the organisation must reply in writing. */
    @PostMapping("/supervisor/cases/{id}/supervisions")
    @PreAuthorize("hasRole('" + Roles.SUPERVISOR + "')")
    String supervise(@PathVariable String id, @RequestParam String instructions, @RequestParam String replyDueDate,
                     RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instructions", instructions);
        body.put("replyDueAt", endOfDayBeijing(replyDueDate));
        return PageActions.perform(() -> services.post(Service.FOLLOW_UP, "/api/cases/" + id + "/supervisions", body),
            redirect, "supervised", id, "/supervisor");
    }

    /** 延期审批: approve or refuse an extension request, with the reason the organisation is given. */
    @PostMapping("/supervisor/cases/{id}/extensions/{extensionId}/decision")
    @PreAuthorize("hasRole('" + Roles.SUPERVISOR + "')")
    String decideExtension(@PathVariable String id, @PathVariable String extensionId, @RequestParam String decision,
                           @RequestParam(required = false) String note, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("approved", "APPROVE".equals(decision));
        if (note != null && !note.isBlank()) {
            body.put("note", note.strip());
        }
        return PageActions.perform(() -> services.post(Service.FOLLOW_UP, "/api/cases/" + id + "/extensions/"
            + extensionId + "/decision", body), redirect, "extensionDecided", id, "/supervisor");
    }

    /** 17:30 Beijing on the date picked, or the text itself so that follow-up names the field when it is no date. */
    private static String endOfDayBeijing(String date) {
        try {
            return LocalDate.parse(date.strip()).atTime(17, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant().toString();
        } catch (DateTimeParseException | NullPointerException e) {
            return date;
        }
    }
}
