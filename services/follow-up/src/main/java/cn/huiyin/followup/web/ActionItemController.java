package cn.huiyin.followup.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.application.Page;
import cn.huiyin.followup.application.TrackActionItems;
import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.followup.domain.actionitem.ActionItem;
import cn.huiyin.followup.domain.actionitem.ActionItemProgress;
import cn.huiyin.followup.domain.actionitem.Completion;
import cn.huiyin.followup.domain.clock.WorkingTime;
import cn.huiyin.platform.kernel.access.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/action-items")
@Validated
@Tag(name = "Action items (联席会议交办任务)", description = "Joint meetings' action items, tracked like cases")
class ActionItemController {

    record ActionItemView(String actionItemId, String meetingId, String meetingTitle, String task,
                          String expectedOutcome, OrganisationRef lead, List<OrganisationRef> coOrganisers,
                          List<String> grievanceIds, String status, Instant assignedAt, Instant dueAt,
                          String dueBeijing, boolean overdue, BigDecimal workingHoursLeft,
                          List<ActionItemProgress> progress, Completion completion, String card,
                          List<CaseViews.StepView> supervisionSteps, List<Texts.Line> history, Instant asOf) {
    }

    record ActionItemPage(List<ActionItemView> items, int page, int size, long total) {
    }

    private final TrackActionItems actionItems;
    private final WorkingTime time;
    private final Clock clock;

    ActionItemController(TrackActionItems actionItems, WorkingTime time, Clock clock) {
        this.actionItems = actionItems;
        this.time = time;
        this.clock = clock;
    }

    @GetMapping("/mine")
    @RolesAllowed({Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON})
    @Operation(summary = "My organisation's action items, open ones first, soonest due first (交办任务)")
    ActionItemPage mine(@RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Page<ActionItem> found = actionItems.mine(Callers.current(), page, size);
        return new ActionItemPage(found.items().stream().map(this::view).toList(), found.page(), found.size(),
            found.total());
    }

    @GetMapping("/{actionItemId}")
    @RolesAllowed({Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON, Roles.SUPERVISOR, Roles.SERVICE})
    @Operation(summary = "An action item (任务详情)")
    ActionItemView get(@PathVariable String actionItemId) {
        return view(actionItems.find(Callers.current(), actionItemId));
    }

    @PostMapping(path = "/{actionItemId}/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON})
    @Operation(summary = "Record progress on an action item (任务进展)", description = "By the lead or a co-organiser.")
    ActionItemView progress(@PathVariable String actionItemId, @Valid @RequestBody Requests.ActionItemProgress body) {
        return view(actionItems.recordProgress(Callers.current(), actionItemId, body.note().strip(),
            body.evidenceCount()));
    }

    @PostMapping(path = "/{actionItemId}/completion", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON})
    @Operation(summary = "Complete an action item: DONE, or EXPLAINED (办结 / 说明)",
        description = "By the lead organisation; publishes ActionItemCompleted for joint-meeting.")
    ActionItemView complete(@PathVariable String actionItemId,
                            @Valid @RequestBody Requests.ActionItemCompletion body) {
        return view(actionItems.complete(Callers.current(), actionItemId, body.outcome(), body.result().strip(),
            body.evidenceCount()));
    }

    private ActionItemView view(ActionItem item) {
        Instant now = clock.instant();
        var a = item.assignment();
        return new ActionItemView(item.id(), a.meetingId(), a.meetingTitle(), a.task(), a.expectedOutcome(), a.lead(),
            a.coOrganisers(), a.grievanceIds(), item.status().name(), a.assignedAt(), item.limit().dueAt(),
            Texts.beijing(item.limit().dueAt()), item.limit().isOverdue(now),
            Texts.hours(item.limit().workingTimeLeft(now, time).toMinutes()), item.progress(),
            item.completion().orElse(null), item.supervision().card().name(),
            item.supervision().issued().stream().map(CaseViews.StepView::of).toList(),
            item.history().stream().map(Texts::line).toList(), now);
    }
}
