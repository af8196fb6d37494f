package cn.huiyin.followup.web;

import cn.huiyin.followup.application.CaseQueries;
import cn.huiyin.followup.domain.supervision.Card;
import cn.huiyin.platform.kernel.access.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Supervision (督办)", description = "Escalated cases and the cards shown against handling organisations")
class SupervisionController {

    private final CaseQueries queries;
    private final CaseViews views;

    SupervisionController(CaseQueries queries, CaseViews views) {
        this.queries = queries;
        this.views = views;
    }

    @GetMapping("/api/supervision/escalations")
    @RolesAllowed({Roles.SUPERVISOR})
    @Operation(summary = "Escalations and yellow / red cards in my jurisdiction (督办件)",
        description = "Cases escalated by the ladder (yellow card at breach, red card at twice the limit) or by a "
            + "supervisor, placed within your jurisdiction; most recently escalated first. card=YELLOW or RED "
            + "narrows to the strongest card shown.")
    CaseViews.Rows escalations(@RequestParam(required = false) Card card,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return views.rows(queries.escalations(Callers.current(), card, page, size));
    }

    @GetMapping("/api/supervision/extensions")
    @RolesAllowed({Roles.SUPERVISOR})
    @Operation(summary = "Extension requests waiting for a decision in my jurisdiction (延期待审批)",
        description = "Cases placed within your jurisdiction with an extension request not decided yet, the longest "
            + "waiting first; each row names the organisation that decides (the one above the lead). Decide with "
            + "POST /api/cases/{grievanceId}/extensions/{extensionId}/decision.")
    CaseViews.ExtensionRows extensions(@RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return views.pendingExtensions(queries.extensionsAwaitingDecision(Callers.current(), page, size));
    }
}
