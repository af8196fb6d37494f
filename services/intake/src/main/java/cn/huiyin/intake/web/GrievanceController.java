package cn.huiyin.intake.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.huiyin.contracts.reference.ReferenceData;
import cn.huiyin.intake.application.AttachEvidence;
import cn.huiyin.intake.application.EvidenceStore;
import cn.huiyin.intake.application.GrievanceQueries;
import cn.huiyin.intake.application.Grievances;
import cn.huiyin.intake.application.SubmitGrievance;
import cn.huiyin.intake.domain.Evidence;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.GrievanceStatus;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.service.security.CurrentUser;
import cn.huiyin.platform.service.security.HuiyinUser;
import cn.huiyin.platform.kernel.access.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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

/** Staff's side of intake: filing grievances from every channel, reading them within their reach, adding to them. */
@RestController
@RequestMapping("/api/grievances")
@Validated
@Tag(name = "Grievances (诉求)", description = "Filing grievances from every channel and following them")
class GrievanceController {

    private final SubmitGrievance submitGrievance;
    private final GrievanceQueries queries;
    private final Grievances grievances;
    private final AttachEvidence attachEvidence;
    private final EvidenceStore evidenceStore;
    private final ReferenceData referenceData;
    private final Clock clock;

    GrievanceController(SubmitGrievance submitGrievance, GrievanceQueries queries, Grievances grievances,
                        AttachEvidence attachEvidence, EvidenceStore evidenceStore, ReferenceData referenceData,
                        Clock clock) {
        this.submitGrievance = submitGrievance;
        this.queries = queries;
        this.grievances = grievances;
        this.attachEvidence = attachEvidence;
        this.evidenceStore = evidenceStore;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    record SubmittedView(String grievanceId, String trackingNumber, GrievanceStatus status, Instant submittedAt,
                         String receipt) {
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
    @Operation(summary = "File a grievance (受理诉求)", description = "Returns the tracking number and a receipt text for "
        + "the worker. With an Idempotency-Key header, a retry returns the first answer and creates nothing new.")
    ResponseEntity<SubmittedView> submit(@Valid @RequestBody SubmitGrievanceRequest request,
                                         @RequestHeader(value = "Idempotency-Key", required = false)
                                         @Size(min = 1, max = 100) @Pattern(regexp = "[\\x21-\\x7E]+") String idempotencyKey) {
        HuiyinUser caller = CurrentUser.required();
        SubmitGrievance.Result result = submitGrievance.submit(request.toSubmission(caller),
            idempotencyKey == null ? null : caller.username() + "|" + idempotencyKey);
        var receipt = result.receipt();
        return ResponseEntity.created(URI.create("/api/grievances/" + receipt.trackingNumber()))
            .header("Idempotent-Replayed", Boolean.toString(result.replayed()))
            .body(new SubmittedView(receipt.trackingNumber(), receipt.trackingNumber(), GrievanceStatus.SUBMITTED,
                receipt.submittedAt(), receipt.receipt()));
    }

    @GetMapping("/{grievanceId}")
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR, Roles.TRIAGE_OFFICER, Roles.ORG_HANDLER,
        Roles.DEPARTMENT_LIAISON, Roles.SUPERVISOR, Roles.CALLBACK_AGENT})
    @Operation(summary = "Read a grievance within your jurisdiction or your organisation's cases (phone and ID masked)")
    GrievanceView get(@PathVariable String grievanceId) {
        HuiyinUser caller = CurrentUser.required();
        return GrievanceView.of(queries.get(caller, grievanceId), caller, referenceData);
    }

    @GetMapping
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR, Roles.TRIAGE_OFFICER, Roles.ORG_HANDLER,
        Roles.DEPARTMENT_LIAISON, Roles.SUPERVISOR, Roles.CALLBACK_AGENT})
    @Operation(summary = "Grievances within your reach, newest first")
    PageView list(@RequestParam(required = false) GrievanceStatus status,
                  @RequestParam(defaultValue = "0") @jakarta.validation.constraints.Min(0) int page,
                  @RequestParam(defaultValue = "20") @jakarta.validation.constraints.Min(1)
                  @jakarta.validation.constraints.Max(200) int size) {
        HuiyinUser caller = CurrentUser.required();
        return new PageView(queries.search(caller, status, page, size).stream()
            .map(g -> GrievanceView.of(g, caller, referenceData)).toList(), page, size, queries.count(caller, status));
    }

    @GetMapping("/{grievanceId}/contact")
    @RolesAllowed({Roles.ORG_HANDLER, Roles.DEPARTMENT_LIAISON, Roles.CALLBACK_AGENT})
    @Operation(summary = "Unmasked contact details, to contact the worker (audited: who, when, which case, why)")
    ContactView contact(@PathVariable String grievanceId,
                        @RequestParam @NotBlank @Size(max = 200) String reason) {
        GrievanceQueries.ContactDetails details = queries.contact(CurrentUser.required(), grievanceId, reason.strip());
        return new ContactView(details.grievanceId(), details.name(), details.mobile(), details.residentId(),
            details.preferredContactTime());
    }

    @PostMapping("/{grievanceId}/supplements")
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR})
    @Operation(summary = "Add information the worker gave (补充), e.g. on a call-back to the hotline")
    GrievanceView supplement(@PathVariable String grievanceId, @Valid @RequestBody SupplementRequest request) {
        HuiyinUser caller = CurrentUser.required();
        Grievance grievance = queries.get(caller, grievanceId);
        grievance.supplement(request.text().strip(), "STAFF", now());
        grievances.update(grievance);
        return GrievanceView.of(grievance, caller, referenceData);
    }

    @PostMapping("/{grievanceId}/withdrawal")
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR})
    @Operation(summary = "Withdraw on the worker's behalf (撤回), when they ask at a window or on the hotline")
    GrievanceView withdraw(@PathVariable String grievanceId, @Valid @RequestBody WithdrawalRequest request) {
        HuiyinUser caller = CurrentUser.required();
        Grievance grievance = queries.get(caller, grievanceId);
        grievance.withdraw(request.reason() == null ? null : request.reason().strip(), "STAFF", now());
        grievances.update(grievance);
        return GrievanceView.of(grievance, caller, referenceData);
    }

    @PostMapping(path = "/{grievanceId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR})
    @Operation(summary = "Attach a photo, screenshot or PDF (≤ 10 MB; type judged by content)")
    ResponseEntity<GrievanceView.EvidenceView> attach(@PathVariable String grievanceId,
                                                      @RequestPart("file") MultipartFile file) throws IOException {
        Grievance grievance = queries.get(CurrentUser.required(), grievanceId);
        Evidence evidence = attachEvidence.attach(grievance, file.getOriginalFilename(), file.getBytes(), "STAFF");
        return ResponseEntity.created(URI.create("/api/grievances/" + grievanceId + "/evidence/" + evidence.fileId()))
            .body(GrievanceView.EvidenceView.of(evidence));
    }

    @GetMapping("/{grievanceId}/evidence/{fileId}")
    @RolesAllowed({Roles.WINDOW_CLERK, Roles.HOTLINE_OPERATOR, Roles.TRIAGE_OFFICER, Roles.ORG_HANDLER,
        Roles.DEPARTMENT_LIAISON, Roles.SUPERVISOR, Roles.CALLBACK_AGENT})
    @Operation(summary = "Download an evidence file")
    ResponseEntity<InputStreamResource> evidence(@PathVariable String grievanceId, @PathVariable String fileId) {
        queries.get(CurrentUser.required(), grievanceId);
        EvidenceStore.StoredFile file = evidenceStore.open(grievanceId, fileId).orElseThrow(() -> DomainException.notFound(
            "evidence.unknown", "该诉求没有这份证据材料", "This grievance has no such evidence file"));
        InputStream content = file.content();
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(file.contentType()))
            .contentLength(file.size())
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(file.filename(), StandardCharsets.UTF_8).build().toString())
            .header("X-Content-Type-Options", "nosniff")
            .body(new InputStreamResource(content));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
