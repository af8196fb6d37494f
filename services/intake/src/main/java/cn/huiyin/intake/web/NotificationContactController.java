package cn.huiyin.intake.web;

import cn.huiyin.intake.application.GrievanceQueries;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.access.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The worker's mobile for the notification service, which texts the worker at each stage (ADR 0024). Only the
 * SERVICE role (the client-credentials token of {@code huiyin-services}) may ask; each answer is audited.
 */
@RestController
@RequestMapping("/api/internal/grievances")
@Tag(name = "Internal (services only)")
class NotificationContactController {

    record NotificationContact(String grievanceId, String mobile) {
    }

    private final GrievanceQueries queries;

    NotificationContactController(GrievanceQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{grievanceId}/notification-contact")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "The worker's mobile, to send a notification (audited; services only)",
        description = "404 for an unknown grievance or once the worker's personal data has been erased.")
    ResponseEntity<NotificationContact> contact(@PathVariable String grievanceId) {
        String mobile = queries.notificationMobile(grievanceId).orElseThrow(() -> DomainException.notFound(
            "contact.erased", "该诉求的个人信息已按规定删除", "This grievance's personal data has been erased"));
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
            .body(new NotificationContact(grievanceId, mobile));
    }
}
