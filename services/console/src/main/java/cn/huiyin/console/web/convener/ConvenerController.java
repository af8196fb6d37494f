package cn.huiyin.console.web.convener;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.huiyin.console.application.Answer;
import cn.huiyin.console.application.Refusal;
import cn.huiyin.console.application.Service;
import cn.huiyin.console.application.ServiceUnavailable;
import cn.huiyin.console.application.Services;
import cn.huiyin.console.web.PageActions;
import cn.huiyin.console.web.PageParts;
import cn.huiyin.platform.kernel.access.Roles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The convener's work (联席会商): the queue of review requests, calling a meeting, and the meeting itself — agenda
 * from joint-meeting's proposal, attendance, a decision with action items per agenda item, minutes, conclusion. Each
 * change carries the meeting's version (If-Match), so two conveners editing at once are told, not overwritten.
 */
@Controller
@RequestMapping("/convener")
@PreAuthorize("hasRole('" + Roles.MEETING_CONVENER + "')")
class ConvenerController {

    private final Services services;

    ConvenerController(Services services) {
        this.services = services;
    }

    @GetMapping
    String queue(Model model) {
        PageParts parts = PageParts.of(services, model)
            .prefetch(Service.JOINT_MEETING, "/api/review-requests?state=PENDING")
            .prefetch(Service.JOINT_MEETING, "/api/meetings");
        List<Map<String, Object>> requests = parts.list("requests", Service.JOINT_MEETING,
            "/api/review-requests?state=PENDING", "items");
        model.addAttribute("requests", requests);
        model.addAttribute("meetings", parts.list("meetings", Service.JOINT_MEETING, "/api/meetings", "items"));
        model.addAttribute("suggested", suggested(requests));
        return "convener/queue";
    }

    @PostMapping("/meetings")
    String schedule(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        MeetingForms.Body body = MeetingForms.schedule(form);
        try {
            Answer answer = services.post(Service.JOINT_MEETING, "/api/meetings", body.json());
            if (answer.ok()) {
                redirect.addFlashAttribute("done", true);
                return "redirect:/convener/meetings/" + encode(String.valueOf(answer.map().get("meetingId")));
            }
            refused(redirect, Refusal.of(answer), "schedule", form, MeetingForms::scheduleField);
        } catch (ServiceUnavailable down) {
            redirect.addFlashAttribute("actionDown", down.service());
        }
        return "redirect:/convener";
    }

    @GetMapping("/meetings/{id}")
    String meeting(@PathVariable String id, Model model) {
        PageParts parts = PageParts.of(services, model);
        Map<String, Object> meeting = parts.one("meeting", Service.JOINT_MEETING, "/api/meetings/" + encode(id));
        model.addAttribute("id", id);
        model.addAttribute("meeting", meeting);
        if (meeting == null) {
            return "convener/meeting";
        }
        @SuppressWarnings("unchecked")
        Map<String, String> typed = (Map<String, String>) model.getAttribute("submitted");
        String refusedForm = (String) model.getAttribute("refusedForm");
        boolean open = !"CONCLUDED".equals(meeting.get("state"));
        model.addAttribute("open", open);
        model.addAttribute("participants", MeetingPage.participants(meeting));
        model.addAttribute("attendanceRows", MeetingPage.attendance(meeting, "attendance".equals(refusedForm) ? typed : null));
        model.addAttribute("decisions", MeetingPage.decisions(meeting, refusedForm, typed));
        model.addAttribute("minutesText", "minutes".equals(refusedForm) && typed != null ? typed.get("text")
            : meeting.getOrDefault("minutes", ""));
        if (open) {
            model.addAttribute("proposal", parts.list("proposal", Service.JOINT_MEETING,
                "/api/meetings/" + encode(id) + "/agenda/proposal", "items"));
        }
        return "convener/meeting";
    }

    @PostMapping("/meetings/{id}/agenda")
    String agenda(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        MeetingForms.Body body = MeetingForms.agenda(form);
        return change(id, "PUT", "/agenda", body, form, "agenda", redirect);
    }

    @PostMapping("/meetings/{id}/attendance")
    String attendance(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                      RedirectAttributes redirect) {
        return change(id, "PUT", "/attendance", MeetingForms.attendance(form), form, "attendance", redirect);
    }

    @PostMapping("/meetings/{id}/agenda/{itemId}/decision")
    String decide(@PathVariable String id, @PathVariable String itemId,
                  @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return change(id, "PUT", "/agenda/" + encode(itemId) + "/decision", MeetingForms.decision(form), form,
            "decision-" + itemId, redirect);
    }

    @PostMapping("/meetings/{id}/minutes")
    String minutes(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("text", form.getFirst("text") == null ? "" : form.getFirst("text"));
        return change(id, "PUT", "/minutes", new MeetingForms.Body(text, List.of()), form, "minutes", redirect);
    }

    @PostMapping("/meetings/{id}/conclude")
    String conclude(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                    RedirectAttributes redirect) {
        return change(id, "POST", "/conclude", new MeetingForms.Body(Map.of(), List.of()), form, "conclude", redirect);
    }

    /** The invitation (.ics) for a calendar, as joint-meeting makes it. */
    @GetMapping("/meetings/{id}/invitation.ics")
    ResponseEntity<byte[]> invitation(@PathVariable String id) {
        return relay(services.download(Service.JOINT_MEETING, "/api/meetings/" + encode(id) + "/invitation.ics"),
            "attachment; filename=\"" + id.replaceAll("[^A-Za-z0-9-]", "") + ".ics\"");
    }

    /**
     * The printable minutes, as joint-meeting makes them: a page with its own style sheet in a style element and no
     * script, so its policy allows inline style and nothing else.
     */
    @GetMapping("/meetings/{id}/minutes.html")
    ResponseEntity<byte[]> printableMinutes(@PathVariable String id) {
        ResponseEntity<byte[]> minutes = relay(services.download(Service.JOINT_MEETING,
            "/api/meetings/" + encode(id) + "/minutes.html"), null);
        return ResponseEntity.status(minutes.getStatusCode()).headers(minutes.getHeaders())
            .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
            .body(minutes.getBody());
    }

    private String change(String id, String method, String path, MeetingForms.Body body,
                          MultiValueMap<String, String> form, String formName, RedirectAttributes redirect) {
        String page = "/convener/meetings/" + encode(id);
        return PageActions.performForm(() -> services.sendIfMatch(Service.JOINT_MEETING, method,
                "/api/meetings/" + encode(id) + path, body.json(), MeetingForms.text(form, "version")),
            redirect, "done", formName, page, formName, MeetingForms.typed(form), body::formField);
    }

    private static void refused(RedirectAttributes redirect, Refusal refusal, String form,
                                MultiValueMap<String, String> typed, Function<String, String> toFormField) {
        redirect.addFlashAttribute("refusal", refusal);
        redirect.addFlashAttribute("refusedForm", form);
        redirect.addFlashAttribute("fieldErrors", PageActions.byField(refusal, form, toFormField));
        redirect.addFlashAttribute("submitted", MeetingForms.typed(typed));
    }

    /** The organisations the pending requests suggest inviting, each once, departments and enterprises apart. */
    private static Map<String, List<Map<String, Object>>> suggested(List<Map<String, Object>> requests) {
        Map<String, Map<String, Object>> departments = new LinkedHashMap<>();
        Map<String, Map<String, Object>> enterprises = new LinkedHashMap<>();
        for (Map<String, Object> request : requests) {
            for (Map<String, Object> org : MeetingPage.list(request, "suggestedParticipants")) {
                String type = String.valueOf(org.get("type"));
                boolean enterprise = "ENTERPRISE".equals(type) || "PROPERTY_MANAGER".equals(type);
                (enterprise ? enterprises : departments).putIfAbsent(String.valueOf(org.get("id")), org);
            }
            for (Map<String, Object> org : MeetingPage.list(request, "enterprises")) {
                enterprises.putIfAbsent(String.valueOf(org.get("id")), org);
            }
        }
        return Map.of("departments", new ArrayList<>(departments.values()),
            "enterprises", new ArrayList<>(enterprises.values()));
    }

    private static ResponseEntity<byte[]> relay(Services.Download download, String disposition) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(download.status())
            .header(HttpHeaders.CONTENT_TYPE, download.contentType());
        if (disposition != null && download.status() == 200) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, disposition);
        }
        return response.body(download.content());
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
