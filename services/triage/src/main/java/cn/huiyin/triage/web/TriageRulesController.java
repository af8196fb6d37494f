package cn.huiyin.triage.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import cn.huiyin.platform.kernel.InvalidFieldsException;
import cn.huiyin.platform.kernel.access.Roles;
import cn.huiyin.triage.application.Grouping;
import cn.huiyin.triage.application.TriagePolicy;
import cn.huiyin.triage.application.TriagePreview;
import cn.huiyin.triage.application.rules.RuleBook;
import cn.huiyin.triage.application.rules.RuleLoading;
import cn.huiyin.triage.domain.CategoryInfo;
import cn.huiyin.triage.domain.Classification;
import cn.huiyin.triage.domain.ClassificationRules;
import cn.huiyin.triage.domain.DeadlinePolicy;
import cn.huiyin.triage.domain.Deadlines;
import cn.huiyin.triage.domain.RoutingDecision;
import cn.huiyin.triage.domain.RoutingRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/triage")
@Tag(name = "Triage rules (分拨规则)", description = "The rules triage applies, and a dry run of them")
class TriageRulesController {

    private final TriagePolicy policy;
    private final TriagePreview preview;
    private final Grouping grouping;
    private final RuleLoading loading;

    TriageRulesController(TriagePolicy policy, TriagePreview preview, Grouping grouping, RuleLoading loading) {
        this.policy = policy;
        this.preview = preview;
        this.grouping = grouping;
        this.loading = loading;
    }

    /**
     * @param fingerprint changes whenever a rule file changes
     * @param origins     file → where it was read from (the rules directory, or the files packaged with triage)
     */
    record RulesSource(String fingerprint, Map<String, String> origins, Instant loadedAt) {
    }

    record RulesView(RulesSource source, List<CategoryInfo> categories, ClassificationRules classification,
                     RoutingRules routing, DeadlinePolicy deadlines, Grouping.Settings grouping) {
    }

    record ReloadView(boolean applied, boolean registryLoaded, RulesSource source) {
    }

    record PreviewRequest(@Size(max = 40) String category, @NotBlank @Size(max = 4000) String description,
                          @NotBlank @Size(max = 40) String workerGroup, @Size(max = 100) String platformOrEmployer,
                          Boolean confidential, @NotBlank @Size(max = 12) String divisionCode,
                          @Size(max = 200) String address, @Size(max = 40) String channel,
                          OffsetDateTime submittedAt) {
    }

    record PreviewView(Classification classification, Deadlines deadlines, String deadlinesDescription,
                       String responseDueBeijing, String resolutionDueBeijing, RoutingDecision routing) {
    }

    @GetMapping("/rules")
    @RolesAllowed({Roles.ADMIN, Roles.TRIAGE_OFFICER, Roles.SUPERVISOR})
    @Operation(summary = "The classification, routing and deadline rules in force, and the grouping windows")
    RulesView rules() {
        RuleBook.Rules rules = policy.rulesInForce();
        return new RulesView(new RulesSource(rules.fingerprint(), rules.origins(), rules.loadedAt()),
            policy.categories().all(), rules.classifier().rules(), rules.router().rules(), rules.deadlines(),
            grouping.settings());
    }

    @PostMapping("/rules/reload")
    @RolesAllowed({Roles.ADMIN})
    @Operation(summary = "Load the rule files again (重新加载规则)",
        description = "Reads classification.json, routing.json, deadlines.json and organisations.json from the rules "
            + "directory (huiyin.triage.rules-dir; each missing file from the packaged defaults) and checks them as a "
            + "whole. Only a set without mistakes replaces the rules in force; otherwise 400 names every mistake by "
            + "file and the rules in force stay. The registry file is loaded (replacing the registry) only if it changed "
            + "since it was last loaded. The rules directory is also checked every huiyin.triage.rules-check.")
    ReloadView reload() {
        RuleLoading.Outcome outcome = loading.reload();
        if (!outcome.applied()) {
            throw new InvalidFieldsException(outcome.problems());
        }
        RuleBook.Rules rules = policy.rulesInForce();
        return new ReloadView(true, outcome.registryLoaded(),
            new RulesSource(rules.fingerprint(), rules.origins(), rules.loadedAt()));
    }

    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.ADMIN, Roles.TRIAGE_OFFICER, Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR})
    @Operation(summary = "What triage would do with a grievance, without storing anything (试分拨)",
        description = "Classification with its reasons, deadlines (from submittedAt, default now) and the routing decision.")
    PreviewView preview(@Valid @RequestBody PreviewRequest request) {
        Instant at = request.submittedAt() == null ? null : request.submittedAt().toInstant();
        TriagePreview.Outcome outcome = preview.preview(new TriagePreview.Sample(
            CaseRequests.blankToNull(request.category()), request.description(), request.workerGroup(),
            CaseRequests.blankToNull(request.platformOrEmployer()), Boolean.TRUE.equals(request.confidential()),
            request.divisionCode(), CaseRequests.blankToNull(request.address()),
            CaseRequests.blankToNull(request.channel()), at));
        return new PreviewView(outcome.classification(), outcome.deadlines(), outcome.deadlines().describeZh(),
            CaseView.beijing(outcome.deadlines().responseDueAt()), CaseView.beijing(outcome.deadlines().resolutionDueAt()),
            outcome.routing().orElse(null));
    }
}
