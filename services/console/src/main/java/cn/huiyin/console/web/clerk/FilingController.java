package cn.huiyin.console.web.clerk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.huiyin.console.application.FieldMessage;
import cn.huiyin.console.application.FilingDesk;
import cn.huiyin.console.application.ReferenceData;
import cn.huiyin.console.application.Refusal;
import cn.huiyin.console.application.Service;
import cn.huiyin.console.application.ServiceUnavailable;
import cn.huiyin.console.application.Services;
import cn.huiyin.console.web.BeijingTime;
import cn.huiyin.platform.kernel.access.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The window clerk's page (窗口受理): the form, category suggestions from triage as the description is typed, and the
 * printable receipt with the worker's query code, shown this once.
 */
@Controller
@RequestMapping("/clerk")
@PreAuthorize("hasAnyRole('" + Roles.WINDOW_CLERK + "','" + Roles.HOTLINE_OPERATOR + "')")
class FilingController {

    private final FilingDesk desk;
    private final Services services;
    private final ReferenceData reference;

    FilingController(Services services, ReferenceData reference) {
        this.desk = new FilingDesk(services);
        this.services = services;
        this.reference = reference;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("categories", reference.categories());
        model.addAttribute("divisions", reference.divisions());
    }

    @GetMapping("/new")
    String form(Model model) {
        model.addAttribute("form", new FilingForm());
        return "clerk/new";
    }

    @PostMapping("/new")
    String file(@ModelAttribute("form") FilingForm form, @RequestParam(name = "evidence", required = false)
                List<MultipartFile> files, Model model, RedirectAttributes redirect) throws IOException {
        List<FilingDesk.Evidence> evidence = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (!file.isEmpty()) {
                evidence.add(new FilingDesk.Evidence(file.getOriginalFilename() == null ? "evidence"
                    : file.getOriginalFilename(), file.getContentType() == null ? "application/octet-stream"
                    : file.getContentType(), file.getBytes()));
            }
        }
        FilingDesk.Outcome outcome;
        try {
            outcome = desk.file(form.toFiling(), evidence);
        } catch (ServiceUnavailable down) {
            model.addAttribute("intakeDown", down.service());
            return "clerk/new";
        }
        if (outcome.refusal() != null) {
            model.addAttribute("refusal", outcome.refusal());
            model.addAttribute("fieldErrors", byFormField(outcome.refusal()));
            return "clerk/new";
        }
        redirect.addFlashAttribute("receipt", outcome.filed().receipt());
        redirect.addFlashAttribute("evidenceNotAttached", outcome.filed().evidenceNotAttached());
        return "redirect:/clerk/receipts/" + outcome.filed().receipt().get("grievanceId");
    }

    /**
     * 回头客查询: the worker's earlier grievances by the mobile number they give, from intake (within the clerk's
     * jurisdiction, audited and limited per clerk there); the form comes back with the number filled in and the name
     * the worker gave last shown masked, to confirm. A POST, so that the number stays out of the address bar, the
     * history and access logs.
     */
    @PostMapping("/lookup")
    String lookUp(@RequestParam(defaultValue = "") String lookupMobile, Model model) {
        FilingForm form = new FilingForm();
        String mobile = lookupMobile.strip();
        model.addAttribute("form", form);
        model.addAttribute("lookupMobile", mobile);
        try {
            var answer = services.post(Service.INTAKE, "/api/grievances/by-mobile", Map.of("mobile", mobile));
            if (!answer.ok()) {
                Refusal refusal = Refusal.of(answer);
                model.addAttribute("fieldErrors", Map.of("lookupMobile", refusal.fields().isEmpty()
                    ? List.of(new FieldMessage("mobile", refusal.detailZh(), refusal.detailEn())) : refusal.fields()));
                return "clerk/new";
            }
            List<Map<String, Object>> earlier = answer.list("grievances");
            earlier.forEach(g -> g.put("submittedBeijing", BeijingTime.of(g.get("submittedAt"))));
            model.addAttribute("earlier", earlier);
            form.setWorkerMobile(mobile);
            // Masked (李*): the clerk confirms it with the worker and types the name; a number alone reveals none.
            model.addAttribute("lastName", answer.map().get("workerName"));
        } catch (ServiceUnavailable down) {
            model.addAttribute("lookupDown", down.service());
        }
        return "clerk/new";
    }

    /** The receipt; the query code only straight after filing (a flash attribute), never again. */
    @GetMapping("/receipts/{grievanceId}")
    String receipt(@PathVariable String grievanceId, Model model) {
        model.addAttribute("grievanceId", grievanceId);
        if (!model.containsAttribute("receipt")) {
            model.addAttribute("codeShownOnce", true);
        }
        return "clerk/receipt";
    }

    /** Triage's suggestion for the description typed so far (试分拨): category, urgency, who would handle it. */
    @PostMapping(path = "/suggestion", produces = "application/json")
    @ResponseBody
    Map<String, Object> suggestion(@RequestParam String description, @RequestParam(required = false) String workerGroup,
                                   @RequestParam(required = false) String divisionCode, Locale locale) {
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("description", description);
        preview.put("workerGroup", workerGroup == null || workerGroup.isBlank() ? "FOOD_DELIVERY_RIDER" : workerGroup);
        preview.put("divisionCode", divisionCode == null || divisionCode.isBlank() ? "510100" : divisionCode);
        try {
            var answer = services.post(Service.TRIAGE, "/api/triage/preview", preview);
            if (!answer.ok()) {
                return Map.of();
            }
            Object classification = answer.map().get("classification");
            return classification instanceof Map<?, ?> c
                ? Map.of("category", String.valueOf(c.get("category")), "categoryName", String.valueOf(c.get("categoryName")))
                : Map.of();
        } catch (ServiceUnavailable down) {
            return Map.of();
        }
    }

    private static Map<String, List<FieldMessage>> byFormField(Refusal refusal) {
        Map<String, List<FieldMessage>> errors = new LinkedHashMap<>();
        for (FieldMessage field : refusal.fields()) {
            String formField = FilingForm.FIELDS.getOrDefault(field.field(), "general");
            errors.computeIfAbsent(formField, k -> new ArrayList<>()).add(field);
        }
        return errors;
    }
}
