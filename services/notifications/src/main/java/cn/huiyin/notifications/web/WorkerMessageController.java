package cn.huiyin.notifications.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.huiyin.notifications.application.PreviewTemplates;
import cn.huiyin.notifications.application.WorkerMessages;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;
import cn.huiyin.platform.kernel.access.Roles;
import cn.huiyin.platform.service.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications/workers/{grievanceId}")
@Tag(name = "Worker messages (职工通知)", description = "The worker's consent and a message sent again, on the worker's word")
class WorkerMessageController {

    private final WorkerMessages workers;

    WorkerMessageController(WorkerMessages workers) {
        this.workers = workers;
    }

    record Consent(Boolean optedOut) {
    }

    record SendRequest(String template, Map<String, String> parameters) {
    }

    @GetMapping("/consent")
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR, Roles.CALLBACK_AGENT})
    @Operation(summary = "Whether the worker of a grievance opted out of messages (退订)")
    Consent consent(@PathVariable String grievanceId) {
        return new Consent(workers.optedOut(CurrentUser.required().caller(), grievanceId));
    }

    @PutMapping("/consent")
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR, Roles.CALLBACK_AGENT})
    @Operation(summary = "Record the worker's wish: no messages beyond the acceptance, or messages again",
        description = "404 for a grievance outside your jurisdiction.")
    Consent setConsent(@PathVariable String grievanceId, @RequestBody(required = false) Consent consent) {
        if (consent == null || consent.optedOut() == null) {
            throw new InvalidFieldsException(List.of(new FieldProblem("optedOut", "REQUIRED", "请说明是否退订",
                "Say whether the worker opts out (true) or in (false)")));
        }
        workers.setOptedOut(CurrentUser.required().caller(), grievanceId, consent.optedOut());
        return consent;
    }

    @PostMapping("/messages")
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR, Roles.CALLBACK_AGENT})
    @Operation(summary = "Send a worker message again (e.g. a lost acceptance)",
        description = "Queued like any other message (quiet hours, rate limit), once per Idempotency-Key. Unknown "
            + "template: 404; a staff template, missing or oversized parameters, or a worker who opted out of all but "
            + "the acceptance: 400 naming every field.")
    PreviewTemplates.Preview send(@PathVariable String grievanceId, @RequestBody(required = false) SendRequest request,
                                  @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        if (request == null || request.template() == null || request.template().isBlank()) {
            throw new InvalidFieldsException(List.of(new FieldProblem("template", "REQUIRED", "请指定模板",
                "Name the template")));
        }
        String requestId = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString()
            : idempotencyKey.strip();
        if (requestId.length() > 100) {
            throw new InvalidFieldsException(List.of(new FieldProblem("Idempotency-Key", "TOO_LONG",
                "幂等键过长（最多100字符）", "Idempotency-Key too long (at most 100 characters)")));
        }
        return workers.send(CurrentUser.required().caller(), grievanceId, request.template(),
            request.parameters() == null ? Map.of() : request.parameters(), requestId);
    }
}
