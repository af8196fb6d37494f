package cn.huiyin.intake.web;

import java.time.Instant;
import java.util.List;

import cn.huiyin.contracts.reference.ReferenceData;
import cn.huiyin.intake.application.ReturningWorkers;
import cn.huiyin.intake.domain.GrievanceStatus;
import cn.huiyin.platform.kernel.access.Roles;
import cn.huiyin.platform.service.ratelimit.RateLimited;
import cn.huiyin.platform.service.security.CurrentUser;
import cn.huiyin.platform.service.validation.MainlandMobile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A returning worker's earlier grievances by mobile number, for the clerk filing the next one. POST, so that the
 * number travels in the body and stays out of URLs and access logs.
 */
@RestController
@Tag(name = "Grievances (诉求)")
class ReturningWorkerController {

    private final ReturningWorkers returningWorkers;
    private final ReferenceData referenceData;

    ReturningWorkerController(ReturningWorkers returningWorkers, ReferenceData referenceData) {
        this.returningWorkers = returningWorkers;
        this.referenceData = referenceData;
    }

    record LookupRequest(@NotBlank @MainlandMobile String mobile) {
    }

    /** An earlier grievance as the clerk needs it at the counter; never the query code or anything derived from it. */
    record EarlierGrievance(String grievanceId, Instant submittedAt, String category, String categoryName,
                            String categoryNameEn, GrievanceStatus status, String statusName, String statusNameEn,
                            boolean confidential) {
    }

    /** @param workerName the name given last, masked (李*), to confirm with the worker; null when none is kept any more */
    record ReturningWorkerView(String workerName, List<EarlierGrievance> grievances) {
    }

    @PostMapping(path = "/api/grievances/by-mobile", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR})
    @RateLimited(value = "returning-worker", per = RateLimited.Per.USER)
    @Operation(summary = "A returning worker's earlier grievances by mobile number (回头客查询)",
        description = "Exact mainland mobile number; grievances placed within your jurisdiction, newest first, at most "
            + "20, and the name the worker gave last, masked. Every grievance shown is written to the audit trail as a "
            + "read of personal data before the answer. Limited per staff member (huiyin.rate-limits.returning-worker), "
            + "so that nobody can walk through the numbering plan to find where workers complained.")
    ResponseEntity<ReturningWorkerView> lookUp(@Valid @RequestBody LookupRequest request) {
        ReturningWorkers.Found found = returningWorkers.lookUp(CurrentUser.required().caller(), request.mobile().strip());
        List<EarlierGrievance> earlier = found.grievances().stream().map(g -> {
            String category = g.submission().category();
            var known = referenceData.category(category);
            return new EarlierGrievance(g.id(), g.submittedAt(), category, known.map(c -> c.nameZh()).orElse(null),
                known.map(c -> c.nameEn()).orElse(null), g.status(), g.status().zh(), g.status().en(),
                g.isConfidential());
        }).toList();
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
            .body(new ReturningWorkerView(found.workerName(), earlier));
    }
}
