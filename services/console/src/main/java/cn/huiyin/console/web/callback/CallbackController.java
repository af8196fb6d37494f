package cn.huiyin.console.web.callback;

import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The callback agent's day (回访): callbacks due today, retaliation checks due, and one attempt's two questions. */
@Controller
@RequestMapping("/callbacks")
@PreAuthorize("hasRole('" + Roles.CALLBACK_AGENT + "')")
class CallbackController {

    private final Services services;

    CallbackController(Services services) {
        this.services = services;
    }

    @GetMapping
    String due(Model model) {
        PageParts parts = PageParts.of(services, model)
            .prefetch(Service.FOLLOW_UP, "/api/callbacks/due?all=true&size=50")
            .prefetch(Service.FOLLOW_UP, "/api/callbacks/retaliation-checks/due?size=50");
        var due = parts.list("due", Service.FOLLOW_UP, "/api/callbacks/due?all=true&size=50", "items");
        due.forEach(c -> c.put("callbackDueBeijing", BeijingTime.of(c.get("callbackDueAt"))));
        model.addAttribute("due", due);
        model.addAttribute("checks", parts.list("checks", Service.FOLLOW_UP,
            "/api/callbacks/retaliation-checks/due?size=50", "items"));
        return "callback/due";
    }

    @PostMapping("/{id}/attempts")
    String attempt(@PathVariable String id, @RequestParam String outcome, @RequestParam(required = false) String solved,
                   @RequestParam(required = false) String satisfaction, @RequestParam(required = false) String comment,
                   RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        if ("REACHED".equals(outcome)) {
            body.put("solved", blankToNull(solved));
            body.put("satisfaction", blankToNull(satisfaction));
        }
        if (comment != null && !comment.isBlank()) {
            body.put("comment", comment);
        }
        return PageActions.perform(() -> services.post(Service.FOLLOW_UP, "/api/callbacks/" + id + "/attempts", body),
            redirect, "recorded", id, "/callbacks");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
