package cn.huiyin.followup.web;

import java.util.List;

import cn.huiyin.followup.application.CaseQueries;
import cn.huiyin.followup.application.Extensions;
import cn.huiyin.followup.application.HandleCases;
import cn.huiyin.followup.application.Page;
import cn.huiyin.followup.application.ResolveCases;
import cn.huiyin.followup.application.SuperviseDeadlines;
import cn.huiyin.followup.domain.OrganisationRef;
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
@RequestMapping("/api/cases")
@Validated
@Tag(name = "Cases (跟踪督办)", description = "A grievance's case file after assignment: first contact, progress, "
    + "material requests, extensions, resolution, supervision")
class CaseController {

    private final CaseQueries queries;
    private final HandleCases handle;
    private final Extensions extensions;
    private final ResolveCases resolve;
    private final SuperviseDeadlines supervise;
    private final CaseViews views;

    CaseController(CaseQueries queries, HandleCases handle, Extensions extensions, ResolveCases resolve,
                   SuperviseDeadlines supervise, CaseViews views) {
        this.queries = queries;
        this.handle = handle;
        this.extensions = extensions;
        this.resolve = resolve;
        this.supervise = supervise;
        this.views = views;
    }

    @GetMapping("/mine")
    @RolesAllowed({Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON})
    @Operation(summary = "My organisation's cases, nearest deadline first (我的案件)",
        description = "Open cases led or co-handled by your organisation within your jurisdiction; overdue ones come "
            + "first. Each row gives the deadline that matters now and the working hours left (negative: overdue).")
    CaseViews.Rows mine(@RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return rows(queries.myCases(Callers.current(), page, size));
    }

    @GetMapping("/{grievanceId}")
    @RolesAllowed({Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON, Roles.SUPERVISOR, Roles.CALLBACK_AGENT, Roles.SERVICE})
    @Operation(summary = "A case file (案件详情)",
        description = "Clocks with time left in working hours, every stage with its duration in working and clock "
            + "hours, supervision steps, resolution with the remedy, callbacks, and the history in Chinese and English. "
            + "403 outside your organisation's cases, the organisations below yours, and your jurisdiction.")
    CaseViews.CaseView get(@PathVariable String grievanceId) {
        return view(queries.find(Callers.current(), grievanceId));
    }

    @PostMapping(path = "/{grievanceId}/first-contact", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON})
    @Operation(summary = "Record the first contact with the worker (先行联系)",
        description = "By the lead organisation once it has signed for the case; stops the response clock.")
    CaseViews.CaseView firstContact(@PathVariable String grievanceId, @Valid @RequestBody Requests.FirstContact body) {
        return view(handle.recordFirstContact(Callers.current(), grievanceId, body.contactedAt(), body.channel(),
            Requests.blankToNull(body.note())));
    }

    @PostMapping(path = "/{grievanceId}/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON})
    @Operation(summary = "Record progress, or a co-handler's part (办理进展 / 协办情况)",
        description = "With references to evidence kept elsewhere (intake's evidence store, document numbers).")
    CaseViews.CaseView progress(@PathVariable String grievanceId, @Valid @RequestBody Requests.Progress body) {
        return view(handle.recordProgress(Callers.current(), grievanceId, body.note().strip(), body.evidenceRefs()));
    }

    @PostMapping(path = "/{grievanceId}/material-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON})
    @Operation(summary = "Ask the worker for material (补充材料)",
        description = "The resolution clock stands still until the worker answers through intake's self-service.")
    CaseViews.CaseView requestMaterial(@PathVariable String grievanceId,
                                       @Valid @RequestBody Requests.MaterialRequest body) {
        return view(handle.requestMaterial(Callers.current(), grievanceId, body.materials().strip()));
    }

    @PostMapping(path = "/{grievanceId}/extensions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON})
    @Operation(summary = "Request an extension (延期申请)",
        description = "Before the resolution deadline, with a reason: the deadline asked for (requestedDueAt) or "
            + "the working days to add (workingDays). The organisation above decides.")
    CaseViews.CaseView requestExtension(@PathVariable String grievanceId, @Valid @RequestBody Requests.Extension body) {
        return view(extensions.request(Callers.current(), grievanceId, body.reason().strip(), body.requestedDueAt(),
            body.workingDays()));
    }

    @PostMapping(path = "/{grievanceId}/extensions/{extensionId}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.ORG_HANDLER, Roles.SUPERVISOR})
    @Operation(summary = "Approve or refuse an extension (延期审批)",
        description = "By the organisation above the lead. Approved, the resolution deadline moves; refused, it stays.")
    CaseViews.CaseView decideExtension(@PathVariable String grievanceId, @PathVariable String extensionId,
                                       @Valid @RequestBody Requests.ExtensionDecision body) {
        return view(extensions.decide(Callers.current(), grievanceId, extensionId, body.approved(),
            Requests.blankToNull(body.note())));
    }

    @PostMapping(path = "/{grievanceId}/resolution", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON})
    @Operation(summary = "Resolve the case (办结), with the remedy",
        description = "RESOLVED, PARTLY_RESOLVED or CANNOT_RESOLVE (the last two with the explanation the worker is "
            + "given); the remedy: money recovered in yuan (exact, two decimals), claim paid, account reinstated, "
            + "penalty withdrawn, parking spaces added, workers covered. 409 before the first contact or while a joint "
            + "meeting's action item for the grievance is open.")
    CaseViews.CaseView resolve(@PathVariable String grievanceId, @Valid @RequestBody Requests.Resolution body) {
        return view(resolve.resolve(Callers.current(), grievanceId, body.kind(), Requests.blankToNull(body.explanation()),
            body.remedy() == null ? null : body.remedy().toDomain()));
    }

    @PostMapping(path = "/{grievanceId}/supervisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.SUPERVISOR})
    @Operation(summary = "Supervise a case (督办)",
        description = "Instructions to the handling organisation and a reply deadline, which the ladder then watches. "
            + "Cases in your jurisdiction or led by an organisation below yours.")
    CaseViews.CaseView superviseManually(@PathVariable String grievanceId,
                                         @Valid @RequestBody Requests.Supervision body) {
        return view(supervise.superviseManually(Callers.current(), grievanceId, body.instructions().strip(),
            body.replyDueAt()));
    }

    @PostMapping(path = "/{grievanceId}/supervisions/{supervision}/reply", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON})
    @Operation(summary = "Reply to a supervision (督办回复)", description = "{supervision} is e.g. SUPERVISION-1.")
    CaseViews.CaseView reply(@PathVariable String grievanceId, @PathVariable String supervision,
                             @Valid @RequestBody Requests.SupervisionReply body) {
        return view(handle.replyToSupervision(Callers.current(), grievanceId, grievanceId + "/" + supervision,
            body.reply().strip()));
    }

    private CaseViews.CaseView view(CaseFile caseFile) {
        List<OrganisationRef> above = caseFile.handling().isPresent()
            ? queries.hierarchyOf(caseFile).ancestors() : List.of();
        return views.full(caseFile, above);
    }

    private CaseViews.Rows rows(Page<CaseFile> page) {
        return views.rows(page);
    }
}
