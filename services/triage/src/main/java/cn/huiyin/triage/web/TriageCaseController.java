package cn.huiyin.triage.web;

import java.time.Instant;

import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.triage.application.TriageCases;
import cn.huiyin.triage.domain.TriageState;
import cn.huiyin.platform.service.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/grievances")
@Tag(name = "Triage cases (分拨)", description = "Grievances as triage sees them")
class TriageCaseController {

    private final TriageCases cases;

    TriageCaseController(TriageCases cases) {
        this.cases = cases;
    }

    record TriageCaseView(String grievanceId, TriageState state, Instant submittedAt, Instant triagedAt,
                          String category, String workerGroup, String divisionCode, boolean confidential) {
    }

    @GetMapping("/{grievanceId}")
    @RolesAllowed({Roles.TRIAGE_OFFICER, Roles.ORG_HANDLER, Roles.SUPERVISOR})
    @Operation(summary = "A grievance's triage case")
    TriageCaseView get(@PathVariable String grievanceId) {
        return cases.find(grievanceId).map(c -> new TriageCaseView(c.grievanceId(), c.state(),
                c.grievance().submittedAt(), c.triagedAt(), c.grievance().category(), c.grievance().workerGroup(),
                c.grievance().divisionCode(), c.grievance().confidential()))
            .orElseThrow(() -> DomainException.notFound("case.unknown", "分拨中没有编号为 " + grievanceId + " 的诉求",
                "Triage has no grievance " + grievanceId));
    }
}
