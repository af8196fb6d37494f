package cn.huiyin.triage.web;

import java.time.Clock;
import java.util.List;

import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.PersonalDataPolicy;
import cn.huiyin.platform.kernel.access.Roles;
import cn.huiyin.triage.application.CaseQueries;
import cn.huiyin.triage.application.CaseSearch;
import cn.huiyin.triage.application.OfficerOverrides;
import cn.huiyin.triage.application.Registry;
import cn.huiyin.triage.application.SignFor;
import cn.huiyin.triage.application.TriagePolicy;
import cn.huiyin.triage.domain.DivisionTree;
import cn.huiyin.triage.domain.OrganisationType;
import cn.huiyin.triage.domain.TriageCase;
import cn.huiyin.triage.domain.TriageState;
import cn.huiyin.triage.domain.Urgency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/grievances")
@Tag(name = "Triage cases (分拨)", description = "Grievances as triage handles them: classification, routing, deadlines, "
    + "sign-for and return, rulings, officer overrides")
class TriageCaseController {

    private final CaseQueries queries;
    private final SignFor signFor;
    private final OfficerOverrides overrides;
    private final Registry registry;
    private final DivisionTree divisions;
    private final TriagePolicy policy;
    private final Clock clock;

    TriageCaseController(CaseQueries queries, SignFor signFor, OfficerOverrides overrides, Registry registry,
                         DivisionTree divisions, TriagePolicy policy, Clock clock) {
        this.queries = queries;
        this.signFor = signFor;
        this.overrides = overrides;
        this.registry = registry;
        this.divisions = divisions;
        this.policy = policy;
        this.clock = clock;
    }

    record CasePage(List<CaseView> cases, int page, int size, long total) {
    }

    @GetMapping("/{grievanceId}")
    @RolesAllowed({Roles.TRIAGE_OFFICER, Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON, Roles.SUPERVISOR,
        Roles.MEETING_CONVENER, Roles.SERVICE})
    @Operation(summary = "A grievance's triage case (分拨详情)",
        description = "403 if the case is neither your organisation's, nor below it (supervisors), nor in your jurisdiction (triage officers).")
    CaseView get(@PathVariable String grievanceId) {
        Caller caller = Callers.current();
        return view(queries.find(caller, grievanceId), caller);
    }

    @GetMapping
    @RolesAllowed({Roles.TRIAGE_OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "Search cases (案件查询)",
        description = "Triage officers: cases in their jurisdiction; supervisors: cases led by their organisation or those below it. Newest first.")
    CasePage search(@RequestParam(required = false) TriageState state,
                    @RequestParam(required = false) String category,
                    @RequestParam(required = false) Urgency urgency,
                    @RequestParam(required = false) CaseSearch.Flag flag,
                    @RequestParam(defaultValue = "0") @Min(0) int page,
                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Caller caller = Callers.current();
        CaseQueries.Page found = queries.search(caller, state, CaseRequests.blankToNull(category), urgency, flag, page, size);
        return new CasePage(found.cases().stream().map(c -> view(c, caller)).toList(), found.page(), found.size(),
            found.total());
    }

    @PostMapping("/{grievanceId}/accept")
    @RolesAllowed({Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON})
    @Operation(summary = "Sign for a case (签收)",
        description = "Only the organisation the case is assigned to; 409 with the reason otherwise (assigned elsewhere, already signed for, closed, awaiting a ruling).")
    CaseView accept(@PathVariable String grievanceId) {
        Caller caller = Callers.current();
        return view(signFor.accept(caller, grievanceId), caller);
    }

    @PostMapping(path = "/{grievanceId}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON})
    @Operation(summary = "Return a case (退单)",
        description = "With a reason. The case goes to the next organisation in line, never back to one that returned it; "
            + "after the second return the organisation above the disputants rules (终审). The deadlines do not move.")
    CaseView returnCase(@PathVariable String grievanceId, @Valid @RequestBody CaseRequests.ReturnRequest request) {
        Caller caller = Callers.current();
        return view(signFor.returnCase(caller, grievanceId, request.reason(), request.explanation().strip(),
            CaseRequests.blankToNull(request.suggestedOrganisationId())), caller);
    }

    @PostMapping(path = "/{grievanceId}/ruling", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.ORG_HANDLER, Roles.SUPERVISOR, Roles.TRIAGE_OFFICER})
    @Operation(summary = "Rule on a returned case (终审)",
        description = "By the ruling organisation or one above it: names who handles the case; that assignment binds.")
    CaseView rule(@PathVariable String grievanceId, @Valid @RequestBody CaseRequests.RulingRequest request) {
        Caller caller = Callers.current();
        return view(signFor.rule(caller, grievanceId, request.organisationId().strip(), request.reason().strip()), caller);
    }

    @PostMapping(path = "/{grievanceId}/reclassify", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.TRIAGE_OFFICER})
    @Operation(summary = "Re-classify (人工重新分类)",
        description = "Category, and optionally urgency and joint review, with a reason; deadlines are counted again from submission.")
    CaseView reclassify(@PathVariable String grievanceId, @Valid @RequestBody CaseRequests.ReclassifyRequest request) {
        Caller caller = Callers.current();
        return view(overrides.reclassify(caller, grievanceId, request.category().strip(), request.urgency(),
            request.needsJointReview(), request.reason().strip()), caller);
    }

    @PostMapping(path = "/{grievanceId}/reroute", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.TRIAGE_OFFICER})
    @Operation(summary = "Re-route (人工改派)",
        description = "To a named organisation, or by the routing rules again when none is named; with a reason.")
    CaseView reroute(@PathVariable String grievanceId, @Valid @RequestBody CaseRequests.RerouteRequest request) {
        Caller caller = Callers.current();
        return view(overrides.reroute(caller, grievanceId, CaseRequests.blankToNull(request.organisationId()),
            request.reason().strip()), caller);
    }

    @PostMapping(path = "/{grievanceId}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.TRIAGE_OFFICER})
    @Operation(summary = "Merge a probable duplicate (合并重复件)", description = "Closes this case; the other goes on.")
    CaseView merge(@PathVariable String grievanceId, @Valid @RequestBody CaseRequests.MergeRequest request) {
        Caller caller = Callers.current();
        return view(overrides.merge(caller, grievanceId, request.into().strip(), request.reason().strip()), caller);
    }

    @PostMapping(path = "/{grievanceId}/keep-separate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.TRIAGE_OFFICER})
    @Operation(summary = "Keep a probable duplicate as a separate matter (保留，不合并)")
    CaseView keepSeparate(@PathVariable String grievanceId, @Valid @RequestBody CaseRequests.ReasonRequest request) {
        Caller caller = Callers.current();
        return view(overrides.keepSeparate(caller, grievanceId, request.reason().strip()), caller);
    }

    private CaseView view(TriageCase triageCase, Caller caller) {
        boolean enterprise = caller.organisationId() != null && registry.current().find(caller.organisationId())
            .map(org -> org.type() == OrganisationType.ENTERPRISE).orElse(false);
        // ADR 0008: a worker who asked for confidentiality is not even shown by pseudonym to an enterprise.
        boolean hideWorker = PersonalDataPolicy.hidesWorker(
            new PersonalDataPolicy.Standing(triageCase.grievance().confidential(), false, true, enterprise));
        return CaseView.of(triageCase, divisions, policy.classifier().rules().confirmBelow(), clock.instant(), hideWorker,
            queries::clusterMembers);
    }
}
