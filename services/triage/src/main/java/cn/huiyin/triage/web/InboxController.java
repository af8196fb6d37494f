package cn.huiyin.triage.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.huiyin.platform.kernel.access.Roles;
import cn.huiyin.triage.application.InboxQueries;
import cn.huiyin.triage.application.InboxView;
import cn.huiyin.triage.domain.InboxEntry;
import cn.huiyin.triage.domain.OrganisationRef;
import cn.huiyin.triage.domain.Urgency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Organisation inbox (待办)", description = "Cases assigned to, overdue at, returned by or awaiting the ruling of an organisation")
class InboxController {

    private final InboxQueries queries;

    InboxController(InboxQueries queries) {
        this.queries = queries;
    }

    /** @param counts how many cases each view holds */
    record InboxPageView(OrganisationRef organisation, InboxView view, List<Item> items, int page, int size, long total,
                         int totalPages, Map<InboxView, Long> counts, Instant asOf) {
    }

    /** @param dueAt the deadline that matters to this organisation now; items are sorted by it */
    record Item(String grievanceId, InboxEntry.InboxStatus status, boolean overdueToAccept, int attempt, String category,
                String categoryName, Urgency urgency, String urgencyName, boolean needsJointReview, Instant submittedAt,
                Instant assignedAt, Instant responseDueAt, Instant resolutionDueAt, Instant dueAt, String dueBeijing,
                String divisionCode, String summary, OrganisationRef currentLead) {
    }

    @GetMapping("/api/organisations/{organisationId}/inbox")
    @RolesAllowed({Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON, Roles.SUPERVISOR, Roles.TRIAGE_OFFICER,
        Roles.MEETING_CONVENER})
    @Operation(summary = "An organisation's inbox, soonest deadline first (单位待办)",
        description = "Views: ALL, ASSIGNED (pending or signed for), PENDING, OVERDUE (not signed for by the response "
            + "deadline), ACCEPTED, CO_HANDLING, RETURNED (returned by this organisation, with where each went), RULING. "
            + "Your own organisation; supervisors also those below it; triage officers those in their jurisdiction; 403 otherwise.")
    InboxPageView inbox(@PathVariable String organisationId,
                        @RequestParam(defaultValue = "ALL") InboxView view,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return toView(queries.inbox(Callers.current(), organisationId, view, page, size));
    }

    @GetMapping("/api/inbox")
    @RolesAllowed({Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON, Roles.SUPERVISOR, Roles.TRIAGE_OFFICER,
        Roles.MEETING_CONVENER})
    @Operation(summary = "My organisation's inbox (本单位待办)")
    InboxPageView ownInbox(@RequestParam(defaultValue = "ALL") InboxView view,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return toView(queries.ownInbox(Callers.current(), view, page, size));
    }

    private static InboxPageView toView(InboxQueries.InboxPage page) {
        List<Item> items = page.entries().stream().map(e -> new Item(e.grievanceId(), e.status(),
            e.isOverdueToAccept(page.asOf()), e.attempt(), e.category(), e.categoryName(), e.urgency(),
            e.urgency().nameZh(), e.needsJointReview(), e.submittedAt(), e.assignedAt(), e.responseDueAt(),
            e.resolutionDueAt(), e.dueAt(), CaseView.beijing(e.dueAt()), e.divisionCode(), e.summary(),
            e.currentLead())).toList();
        int totalPages = (int) ((page.total() + page.size() - 1) / page.size());
        return new InboxPageView(page.organisation().ref(), page.view(), items, page.page(), page.size(), page.total(),
            totalPages, page.counts(), page.asOf());
    }
}
