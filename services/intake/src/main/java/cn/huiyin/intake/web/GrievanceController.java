package cn.huiyin.intake.web;

import java.net.URI;
import java.time.Instant;

import cn.huiyin.contracts.reference.ReferenceData;
import cn.huiyin.intake.application.GrievanceQueries;
import cn.huiyin.intake.application.SubmissionReceipt;
import cn.huiyin.intake.application.SubmitGrievance;
import cn.huiyin.intake.domain.GrievanceStatus;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.service.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/grievances")
@Tag(name = "Grievances (诉求)", description = "Filing grievances from every channel and reading them back")
class GrievanceController {

    private final SubmitGrievance submitGrievance;
    private final GrievanceQueries queries;
    private final ReferenceData referenceData;

    GrievanceController(SubmitGrievance submitGrievance, GrievanceQueries queries, ReferenceData referenceData) {
        this.submitGrievance = submitGrievance;
        this.queries = queries;
        this.referenceData = referenceData;
    }

    record SubmittedView(String grievanceId, String trackingNumber, GrievanceStatus status, Instant submittedAt,
                         String receipt) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR})
    @Operation(summary = "File a grievance (受理诉求)", description = "Returns the tracking number and a receipt text for the worker.")
    ResponseEntity<SubmittedView> submit(@Valid @RequestBody SubmitGrievanceRequest request) {
        SubmissionReceipt receipt = submitGrievance.submit(request.toSubmission());
        return ResponseEntity.created(URI.create("/api/grievances/" + receipt.trackingNumber()))
            .body(new SubmittedView(receipt.trackingNumber(), receipt.trackingNumber(), GrievanceStatus.SUBMITTED,
                receipt.submittedAt(), receipt.receipt()));
    }

    @GetMapping("/{grievanceId}")
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR, Roles.TRIAGE_OFFICER, Roles.ORG_HANDLER,
        Roles.DEPARTMENT_LIAISON, Roles.SUPERVISOR, Roles.CALLBACK_AGENT})
    @Operation(summary = "Read a grievance (查看诉求)")
    GrievanceView get(@PathVariable String grievanceId) {
        return queries.find(grievanceId).map(g -> GrievanceView.of(g, referenceData))
            .orElseThrow(() -> DomainException.notFound("grievance.unknown", "没有编号为 " + grievanceId + " 的诉求",
                "No grievance " + grievanceId));
    }
}
