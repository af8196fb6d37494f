package cn.huiyin.console.web.handler;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.huiyin.console.application.Answer;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The handler's work (承办): the organisation's inbox from triage (sign for or return) and its case files from
 * follow-up (contact, progress, material, resolution with the remedy), each case with its whole timeline.
 */
@Controller
@RequestMapping("/handler")
@PreAuthorize("hasAnyRole('" + Roles.ORG_HANDLER + "','" + Roles.DEPARTMENT_LIAISON + "','" + Roles.TRIAGE_OFFICER + "')")
class HandlerController {

    private final Services services;

    HandlerController(Services services) {
        this.services = services;
    }

    @GetMapping
    String inbox(Model model) {
        PageParts parts = PageParts.of(services, model)
            .prefetch(Service.TRIAGE, "/api/inbox?view=PENDING&size=50")
            .prefetch(Service.FOLLOW_UP, "/api/cases/mine?size=50");
        model.addAttribute("inbox", parts.list("inbox", Service.TRIAGE, "/api/inbox?view=PENDING&size=50", "items"));
        model.addAttribute("cases", parts.list("cases", Service.FOLLOW_UP, "/api/cases/mine?size=50", "items"));
        return "handler/inbox";
    }

    @GetMapping("/cases/{id}")
    String caseFile(@PathVariable String id, Model model) {
        model.addAttribute("id", id);
        PageParts parts = PageParts.of(services, model);
        Map<String, Object> triage = parts.one("triage", Service.TRIAGE, "/api/grievances/" + id);
        Map<String, Object> followUp = parts.one("followUp", Service.FOLLOW_UP, "/api/cases/" + id);
        BeijingTime.addToEntries(triage, "history");
        BeijingTime.addToEntries(followUp, "history");
        model.addAttribute("triage", triage);
        model.addAttribute("followUp", followUp);
        return "handler/case";
    }

    @PostMapping("/cases/{id}/accept")
    String accept(@PathVariable String id, RedirectAttributes redirect) {
        return act(id, redirect, () -> services.post(Service.TRIAGE, "/api/grievances/" + id + "/accept", "{}"));
    }

    @PostMapping("/cases/{id}/return")
    String giveBack(@PathVariable String id, @RequestParam String reason, @RequestParam String explanation,
                    RedirectAttributes redirect) {
        return act(id, redirect, () -> services.post(Service.TRIAGE, "/api/grievances/" + id + "/return",
            Map.of("reason", reason, "explanation", explanation)));
    }

    @PostMapping("/cases/{id}/first-contact")
    String firstContact(@PathVariable String id, @RequestParam String channel, @RequestParam(required = false) String note,
                        RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        if (note != null && !note.isBlank()) {
            body.put("note", note);
        }
        return act(id, redirect, () -> services.post(Service.FOLLOW_UP, "/api/cases/" + id + "/first-contact", body));
    }

    @PostMapping("/cases/{id}/progress")
    String progress(@PathVariable String id, @RequestParam String note, RedirectAttributes redirect) {
        return act(id, redirect, () -> services.post(Service.FOLLOW_UP, "/api/cases/" + id + "/progress",
            Map.of("note", note)));
    }

    @PostMapping("/cases/{id}/material-requests")
    String materials(@PathVariable String id, @RequestParam String materials, RedirectAttributes redirect) {
        return act(id, redirect, () -> services.post(Service.FOLLOW_UP, "/api/cases/" + id + "/material-requests",
            Map.of("materials", materials)));
    }

    /** 提请联席会商: a case the organisation cannot solve alone goes to the convener's queue (joint-meeting). */
    @PostMapping("/cases/{id}/escalation")
    String escalate(@PathVariable String id, @RequestParam String explanation, RedirectAttributes redirect) {
        return act(id, redirect, () -> services.post(Service.JOINT_MEETING, "/api/cases/" + id + "/escalations",
            Map.of("explanation", explanation)));
    }

    @PostMapping("/cases/{id}/resolution")
    String resolve(@PathVariable String id, @RequestParam String kind, @RequestParam(required = false) String explanation,
                   @RequestParam(required = false) String moneyRecoveredYuan,
                   @RequestParam(defaultValue = "false") boolean claimPaid,
                   @RequestParam(defaultValue = "false") boolean accountReinstated, RedirectAttributes redirect) {
        Map<String, Object> remedy = new LinkedHashMap<>();
        if (moneyRecoveredYuan != null && !moneyRecoveredYuan.isBlank()) {
            remedy.put("moneyRecoveredYuan", number(moneyRecoveredYuan));
        }
        remedy.put("claimPaid", claimPaid);
        remedy.put("accountReinstated", accountReinstated);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        if (explanation != null && !explanation.isBlank()) {
            body.put("explanation", explanation);
        }
        body.put("remedy", remedy);
        return act(id, redirect, () -> services.post(Service.FOLLOW_UP, "/api/cases/" + id + "/resolution", body));
    }

    /** A number as typed, or the text itself, so that follow-up names the field when it is not one. */
    private static Object number(String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static String act(String id, RedirectAttributes redirect, java.util.function.Supplier<Answer> call) {
        return PageActions.perform(call, redirect, "done", true, "/handler/cases/" + id);
    }
}
