package cn.huiyin.followup.web;

import java.util.List;

import cn.huiyin.followup.application.CaseQueries;
import cn.huiyin.followup.application.Callbacks;
import cn.huiyin.followup.domain.casefile.CaseFile;
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
@RequestMapping("/api/callbacks")
@Validated
@Tag(name = "Callbacks (回访)", description = "The callback centre's work: callbacks after resolution, retaliation "
    + "checks 30 days after closure")
class CallbackController {

    private final CaseQueries queries;
    private final Callbacks callbacks;
    private final CaseViews views;

    CallbackController(CaseQueries queries, Callbacks callbacks, CaseViews views) {
        this.queries = queries;
        this.callbacks = callbacks;
        this.views = views;
    }

    @GetMapping("/due")
    @RolesAllowed({Roles.CALLBACK_AGENT})
    @Operation(summary = "Callbacks due today (今日待回访)",
        description = "Resolved cases in your jurisdiction whose callback is due by the end of today (Beijing), "
            + "overdue ones included; soonest first. all=true: every resolved case still waiting for its callback.")
    CaseViews.Rows due(@RequestParam(defaultValue = "false") boolean all,
                       @RequestParam(defaultValue = "0") @Min(0) int page,
                       @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return views.rows(all ? queries.callbacksAwaiting(Callers.current(), page, size)
            : queries.callbacksDueToday(Callers.current(), page, size));
    }

    @GetMapping("/retaliation-checks/due")
    @RolesAllowed({Roles.CALLBACK_AGENT})
    @Operation(summary = "Retaliation checks due (待打击报复回访)",
        description = "Closed cases in your jurisdiction whose 30-day retaliation check is due by the end of today.")
    CaseViews.Rows retaliationChecksDue(@RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return views.rows(queries.retaliationChecksDue(Callers.current(), page, size));
    }

    @PostMapping(path = "/{grievanceId}/attempts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.CALLBACK_AGENT, Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON})
    @Operation(summary = "Record a callback attempt (回访)",
        description = "REACHED with the two answers — solved (YES / PARTLY / NO) and satisfaction (SATISFIED / "
            + "BASICALLY_SATISFIED / DISSATISFIED) — and, when unhappy, whether the handling organisation is "
            + "responsible; or NO_ANSWER / REFUSED. The third unanswered attempt closes the case as unreachable. "
            + "Only the callback centre: an organisation that handled the case gets 403 callback.by-handler.")
    CaseViews.CaseView attempt(@PathVariable String grievanceId, @Valid @RequestBody Requests.Callback body) {
        return view(callbacks.record(Callers.current(), grievanceId, body.outcome(), body.answers()));
    }

    @PostMapping(path = "/{grievanceId}/retaliation-check", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.CALLBACK_AGENT, Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON})
    @Operation(summary = "Record the retaliation check (打击报复回访)",
        description = "From 30 days after closure. A worker who reports retaliation (deactivation, fewer orders, "
            + "new penalties) leads intake to file a new, linked, urgent grievance.")
    CaseViews.CaseView retaliationCheck(@PathVariable String grievanceId,
                                        @Valid @RequestBody Requests.RetaliationCheck body) {
        return view(callbacks.checkRetaliation(Callers.current(), grievanceId, body.outcome(), body.retaliation(),
            body.kinds() == null ? List.of() : body.kinds(), Requests.blankToNull(body.account())));
    }

    private CaseViews.CaseView view(CaseFile caseFile) {
        return views.full(caseFile, caseFile.handling().isPresent() ? queries.hierarchyOf(caseFile).ancestors()
            : List.of());
    }
}
