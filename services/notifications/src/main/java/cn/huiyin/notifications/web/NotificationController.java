package cn.huiyin.notifications.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.huiyin.notifications.application.PreviewTemplates;
import cn.huiyin.notifications.application.ReadNotifications;
import cn.huiyin.notifications.domain.Notification;
import cn.huiyin.notifications.domain.StatusChange;
import cn.huiyin.notifications.domain.Template;
import cn.huiyin.notifications.domain.TemplateBook;
import cn.huiyin.platform.kernel.access.Roles;
import cn.huiyin.platform.service.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
@Validated
@Tag(name = "Notifications (通知)", description = "Staff's in-app inbox and the message templates")
class NotificationController {

    private final ReadNotifications reads;
    private final PreviewTemplates previews;
    private final TemplateBook templates;

    NotificationController(ReadNotifications reads, PreviewTemplates previews, TemplateBook templates) {
        this.reads = reads;
        this.previews = previews;
        this.templates = templates;
    }

    record InboxItem(String id, String template, String subject, String textZh, String textEn, boolean urgent,
                     String status, Instant occurredAt, Instant deliveredAt) {
    }

    record Inbox(List<InboxItem> items, int page, int size) {
    }

    record Delivery(String id, String template, String audience, String channel, String organisationId,
                    String status, int attempts, int segments, Instant occurredAt, Instant nextAttemptAt,
                    List<StatusChange> history) {
    }

    record PreviewRequest(Map<String, String> parameters) {
    }

    record TemplateView(String id, String audience, String zh, String en, List<String> parameters) {
    }

    @GetMapping("/inbox")
    @RolesAllowed({Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON, Roles.SUPERVISOR, Roles.MEETING_CONVENER,
        Roles.CALLBACK_AGENT, Roles.TRIAGE_OFFICER, Roles.ADMIN})
    @Operation(summary = "My organisation's inbox (站内信)",
        description = "Reminders, escalations, breaches and action items sent to the caller's own organisation, newest "
            + "first. Nothing of other organisations; nothing if the token names no organisation.")
    Inbox inbox(@RequestParam(defaultValue = "0") @Min(0) int page,
                @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<InboxItem> items = reads.inbox(CurrentUser.required().caller(), page, size).stream()
            .map(this::item).toList();
        return new Inbox(items, page, size);
    }

    @GetMapping("/cases/{grievanceId}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.CALLBACK_AGENT, Roles.TRIAGE_OFFICER, Roles.ADMIN})
    @Operation(summary = "Every message about a grievance and where it stands (queued, sent, delivered, failed, withheld)",
        description = "Template, channel and organisation of each message, never an address; 404 outside your "
            + "jurisdiction.")
    List<Delivery> history(@PathVariable String grievanceId) {
        return reads.history(CurrentUser.required().caller(), grievanceId).stream()
            .map(n -> new Delivery(n.id(), n.template(), n.recipient().audience().name(),
                n.recipient().channel().name(), n.recipient().organisationId(), n.status().name(), n.attempts(),
                n.segments(), n.occurredAt(), n.nextAttemptAt(), n.history())).toList();
    }

    @GetMapping("/templates")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.TRIAGE_OFFICER})
    @Operation(summary = "Message templates (消息模板)", description = "Every template with its parameters, zh first.")
    List<TemplateView> templates() {
        return templates.all().stream().map(t -> new TemplateView(t.id(), t.audience().name(), t.zh(), t.en(),
            List.copyOf(t.parameters()))).toList();
    }

    @PostMapping("/templates/{id}/preview")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN, Roles.TRIAGE_OFFICER})
    @Operation(summary = "Preview a template (预览)", description = "Renders the template with the given parameters "
        + "as it would be sent, with its length and SMS parts (70 characters in one, 67 per part beyond). Unknown "
        + "template: 404; missing, unknown or oversized parameters, a text over 3 SMS: 400 naming every field.")
    PreviewTemplates.Preview preview(@PathVariable String id, @RequestBody(required = false) PreviewRequest request) {
        return previews.preview(id, request == null ? Map.of() : request.parameters());
    }

    private InboxItem item(Notification n) {
        Template template = templates.get(n.template());
        Instant delivered = n.history().stream().filter(h -> h.code().equals("DELIVERED")).map(StatusChange::at)
            .findFirst().orElse(null);
        return new InboxItem(n.id(), n.template(), n.subject(), template.render("zh", n.parameters()),
            template.render("en", n.parameters()), n.urgent(), n.status().name(), n.occurredAt(), delivered);
    }
}
