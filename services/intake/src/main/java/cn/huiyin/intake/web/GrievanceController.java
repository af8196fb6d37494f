package cn.huiyin.intake.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import cn.huiyin.contracts.reference.ReferenceData;
import cn.huiyin.intake.application.AttachEvidence;
import cn.huiyin.intake.application.EvidenceStore;
import cn.huiyin.intake.application.GrievanceQueries;
import cn.huiyin.intake.application.StaffActions;
import cn.huiyin.intake.application.SubmitGrievance;
import cn.huiyin.intake.domain.Evidence;
import cn.huiyin.intake.domain.GrievanceStatus;
import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.Roles;
import cn.huiyin.platform.service.security.CurrentUser;
import cn.huiyin.platform.service.security.HuiyinUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Staff's side of intake: filing grievances from every channel, reading them within their reach (what they see of
 * the worker is the platform's personal-data policy), adding to them. Every action goes through a use case.
 */
@RestController
@RequestMapping("/api/grievances")
@Validated
@Tag(name = "Grievances (诉求)", description = "Filing grievances from every channel and following them")
class GrievanceController {

    private final SubmitGrievance submitGrievance;
    private final GrievanceQueries queries;
    private final StaffActions actions;
    private final AttachEvidence attachEvidence;
    private final ReferenceData referenceData;

    GrievanceController(SubmitGrievance submitGrievance, GrievanceQueries queries, StaffActions actions,
                        AttachEvidence attachEvidence, ReferenceData referenceData) {
        this.submitGrievance = submitGrievance;
        this.queries = queries;
        this.actions = actions;
        this.attachEvidence = attachEvidence;
        this.referenceData = referenceData;
    }

    /** @param receipt the receipt text with the worker's query code: the one moment it is shown, to be handed over */
    record SubmittedView(String grievanceId, String trackingNumber, GrievanceStatus status, Instant submittedAt,
                         String queryCode, String receipt) {
    }

    record PageView(List<GrievanceView> grievances, int page, int size, long total) {
    }

    record SupplementRequest(@NotBlank @Size(max = 2000) String text) {
    }

    record WithdrawalRequest(@Size(max = 500) String reason) {
    }

    record ContactView(String grievanceId, String name, String mobile, String residentId, String preferredContactTime) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR})
    @Operation(summary = "File a grievance (受理诉求)", description = "Returns the tracking number and the worker's query "
        + "code (查询码) in a receipt text to print or send to the worker; the code is shown here only. With an "
        + "Idempotency-Key header, a retry returns the first answer and creates nothing new.")
    ResponseEntity<SubmittedView> submit(@Valid @RequestBody SubmitGrievanceRequest request,
                                         @RequestHeader(value = "Idempotency-Key", required = false)
                                         @Size(min = 1, max = 100) @Pattern(regexp = "[\\x21-\\x7E]+") String idempotencyKey) {
        HuiyinUser user = CurrentUser.required();
        SubmitGrievance.Result result = submitGrievance.submit(request.toSubmission(user),
            idempotencyKey == null ? null : user.username() + "|" + idempotencyKey);
        var receipt = result.receipt();
        return ResponseEntity.created(URI.create("/api/grievances/" + receipt.trackingNumber()))
            .header("Idempotent-Replayed", Boolean.toString(result.replayed()))
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .body(new SubmittedView(receipt.trackingNumber(), receipt.trackingNumber(), GrievanceStatus.SUBMITTED,
                receipt.submittedAt(), receipt.queryCode(), receipt.text()));
    }

    @GetMapping("/{grievanceId}")
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR, Roles.TRIAGE_OFFICER, Roles.ORG_HANDLER,
        Roles.DEPARTMENT_LIAISON, Roles.SUPERVISOR, Roles.CALLBACK_AGENT})
    @Operation(summary = "Read a grievance within your jurisdiction or your organisation's cases (name, phone and ID masked)")
    GrievanceView get(@PathVariable String grievanceId) {
        return GrievanceView.of(queries.get(caller(), grievanceId), referenceData);
    }

    @GetMapping
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR, Roles.TRIAGE_OFFICER, Roles.ORG_HANDLER,
        Roles.DEPARTMENT_LIAISON, Roles.SUPERVISOR, Roles.CALLBACK_AGENT})
    @Operation(summary = "Grievances within your reach, newest first")
    PageView list(@RequestParam(required = false) GrievanceStatus status,
                  @RequestParam(defaultValue = "0") @Min(0) int page,
                  @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Caller caller = caller();
        return new PageView(queries.search(caller, status, page, size).stream()
            .map(read -> GrievanceView.of(read, referenceData)).toList(), page, size, queries.count(caller, status));
    }

    @GetMapping("/{grievanceId}/contact")
    @RolesAllowed({Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON, Roles.CALLBACK_AGENT})
    @Operation(summary = "Unmasked name and contact details, to contact the worker (audited: who, when, which case, why)")
    ResponseEntity<ContactView> contact(@PathVariable String grievanceId,
                                        @RequestParam @NotBlank @Size(max = 200) String reason) {
        GrievanceQueries.ContactDetails details = queries.contact(caller(), grievanceId, reason.strip());
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
            .body(new ContactView(details.grievanceId(), details.name(), details.mobile(), details.residentId(),
                details.preferredContactTime()));
    }

    @PostMapping("/{grievanceId}/supplements")
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR})
    @Operation(summary = "Add information the worker gave (补充), e.g. on a call-back to the hotline")
    GrievanceView supplement(@PathVariable String grievanceId, @Valid @RequestBody SupplementRequest request) {
        return GrievanceView.of(actions.supplement(caller(), grievanceId, request.text().strip()), referenceData);
    }

    @PostMapping("/{grievanceId}/withdrawal")
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR})
    @Operation(summary = "Withdraw on the worker's behalf (撤回), when they ask at a window or on the hotline")
    GrievanceView withdraw(@PathVariable String grievanceId, @Valid @RequestBody WithdrawalRequest request) {
        return GrievanceView.of(actions.withdraw(caller(), grievanceId,
            request.reason() == null ? null : request.reason().strip()), referenceData);
    }

    @PostMapping(path = "/{grievanceId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR})
    @Operation(summary = "Attach a photo, screenshot or PDF (≤ 10 MB; type judged by content)")
    ResponseEntity<GrievanceView.EvidenceView> attach(@PathVariable String grievanceId,
                                                      @RequestPart("file") MultipartFile file) throws IOException {
        GrievanceQueries.Read read = queries.get(caller(), grievanceId);
        Evidence evidence = attachEvidence.attach(read.grievance(), file.getOriginalFilename(), file.getBytes(), "STAFF");
        return ResponseEntity.created(URI.create("/api/grievances/" + grievanceId + "/evidence/" + evidence.fileId()))
            .body(GrievanceView.EvidenceView.of(evidence));
    }

    @GetMapping("/{grievanceId}/evidence/{fileId}")
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR, Roles.TRIAGE_OFFICER, Roles.ORG_HANDLER,
        Roles.DEPARTMENT_LIAISON, Roles.SUPERVISOR, Roles.CALLBACK_AGENT})
    @Operation(summary = "Download an evidence file (not for an enterprise on a confidential case)")
    ResponseEntity<InputStreamResource> evidence(@PathVariable String grievanceId, @PathVariable String fileId) {
        EvidenceStore.StoredFile file = queries.evidence(caller(), grievanceId, fileId);
        InputStream content = file.content();
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(file.contentType()))
            .contentLength(file.size())
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(file.filename(), StandardCharsets.UTF_8).build().toString())
            .header("X-Content-Type-Options", "nosniff")
            .body(new InputStreamResource(content));
    }

    private static Caller caller() {
        return CurrentUser.required().caller();
    }
}
