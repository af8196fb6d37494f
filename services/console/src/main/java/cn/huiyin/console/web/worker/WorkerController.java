package cn.huiyin.console.web.worker;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.huiyin.console.application.Answer;
import cn.huiyin.console.application.Refusal;
import cn.huiyin.console.application.Service;
import cn.huiyin.console.application.ServiceUnavailable;
import cn.huiyin.console.application.Services;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The worker's page (我的诉求), phone-sized and without an account: progress by tracking number and query code, more
 * information, withdrawal and the rating. The code is sent on every step and kept nowhere: not in the session, not in
 * a link. The worker's address is passed on, so intake's limits count the worker, not the console.
 */
@Controller
@RequestMapping("/worker")
class WorkerController {

    private final Services services;

    WorkerController(Services services) {
        this.services = services;
    }

    @GetMapping
    String start(@RequestParam(name = "n", required = false) String trackingNumber, Model model) {
        model.addAttribute("trackingNumber", trackingNumber);
        return "worker/lookup";
    }

    @PostMapping
    String lookup(@RequestParam String trackingNumber, @RequestParam String queryCode, HttpServletRequest request,
                  Model model) {
        return show(trackingNumber, queryCode, request, model);
    }

    @PostMapping("/supplement")
    String supplement(@RequestParam String trackingNumber, @RequestParam String queryCode, @RequestParam String text,
                      HttpServletRequest request, Model model) {
        step(model, request, Service.INTAKE, "/api/public/grievances/supplement",
            body(trackingNumber, queryCode, "text", text));
        return show(trackingNumber, queryCode, request, model);
    }

    @PostMapping("/withdrawal")
    String withdraw(@RequestParam String trackingNumber, @RequestParam String queryCode,
                    @RequestParam(required = false) String reason, HttpServletRequest request, Model model) {
        step(model, request, Service.INTAKE, "/api/public/grievances/withdraw",
            body(trackingNumber, queryCode, "reason", reason));
        return show(trackingNumber, queryCode, request, model);
    }

    @PostMapping("/rating")
    String rate(@RequestParam String trackingNumber, @RequestParam String queryCode, @RequestParam String solved,
                @RequestParam String satisfaction, @RequestParam(required = false) String comment,
                HttpServletRequest request, Model model) {
        Map<String, Object> body = body(trackingNumber, queryCode, "comment", comment);
        body.put("solved", solved);
        body.put("satisfaction", satisfaction);
        step(model, request, Service.FOLLOW_UP, "/api/public/callbacks/rating", body);
        return show(trackingNumber, queryCode, request, model);
    }

    private String show(String trackingNumber, String queryCode, HttpServletRequest request, Model model) {
        model.addAttribute("trackingNumber", trackingNumber);
        try {
            Answer answer = services.postAnonymously(Service.INTAKE, "/api/public/grievances/lookup",
                body(trackingNumber, queryCode, null, null), forwarded(request));
            if (answer.ok()) {
                model.addAttribute("progress", answer.map());
                model.addAttribute("queryCode", queryCode);
                return "worker/progress";
            }
            model.addAttribute("refusal", Refusal.of(answer));
        } catch (ServiceUnavailable down) {
            model.addAttribute("lookupDown", down.service());
        }
        return "worker/lookup";
    }

    private void step(Model model, HttpServletRequest request, Service service, String path, Map<String, Object> body) {
        try {
            Answer answer = services.postAnonymously(service, path, body, forwarded(request));
            model.addAttribute(answer.ok() ? "stepDone" : "stepRefusal", answer.ok() ? true : Refusal.of(answer));
        } catch (ServiceUnavailable down) {
            model.addAttribute("stepDown", down.service());
        }
    }

    private static Map<String, Object> body(String trackingNumber, String queryCode, String field, String value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trackingNumber", trackingNumber == null ? "" : trackingNumber.strip());
        body.put("queryCode", queryCode == null ? "" : queryCode.strip());
        if (field != null && value != null && !value.isBlank()) {
            body.put(field, value);
        }
        return body;
    }

    private static Map<String, String> forwarded(HttpServletRequest request) {
        return Map.of("X-Forwarded-For", request.getRemoteAddr());
    }
}
