package cn.huiyin.intake.web;

import java.io.IOException;

import cn.huiyin.intake.application.AttachEvidence;
import cn.huiyin.intake.application.selfservice.WorkerSelfService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The worker's self-service (自助查询), without an account: the tracking number and the query code from the receipt
 * (for grievances filed before query codes: the whole mobile number in its place, until the transition ends). The secret travels
 * in the body, not the URL, so it stays out of access logs. Guessing is limited per tracking number and per client
 * across all instances ({@link WorkerSelfService}); there is no separate per-instance limit, so that a locked
 * grievance answers every attempt alike.
 */
@RestController
@RequestMapping("/api/public/grievances")
@PermitAll
@Validated
@Tag(name = "Worker self-service (自助)", description = "Follow, supplement or withdraw a grievance by tracking number and query code")
class SelfServiceController {

    /** Ten digits (a query code) or eleven (a mobile number), spaces and dashes allowed between them. */
    private static final String SECRET = "[0-9][0-9 -]{8,14}[0-9]";

    private final WorkerSelfService selfService;
    private final AttachEvidence attachEvidence;

    SelfServiceController(WorkerSelfService selfService, AttachEvidence attachEvidence) {
        this.selfService = selfService;
        this.attachEvidence = attachEvidence;
    }

    /**
     * @param queryCode the ten digits from the receipt; for a grievance filed before query codes, the whole mobile
     *                  number instead
     */
    record Lookup(@NotBlank @Size(max = 20) String trackingNumber,
                  @NotBlank @Pattern(regexp = SECRET, message = "{huiyin.intake.QueryCode.message}") String queryCode) {
    }

    record SupplementRequest(@NotBlank @Size(max = 20) String trackingNumber,
                             @NotBlank @Pattern(regexp = SECRET, message = "{huiyin.intake.QueryCode.message}")
                             String queryCode,
                             @NotBlank @Size(max = 2000) String text) {
    }

    record WithdrawalRequest(@NotBlank @Size(max = 20) String trackingNumber,
                             @NotBlank @Pattern(regexp = SECRET, message = "{huiyin.intake.QueryCode.message}")
                             String queryCode,
                             @Size(max = 500) String reason) {
    }

    @PostMapping(path = "/lookup", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Where does my grievance stand? (查询进度)")
    ResponseEntity<WorkerProgressView> lookup(@Valid @RequestBody Lookup request, HttpServletRequest http) {
        return answer(WorkerProgressView.of(selfService.status(credentials(request.trackingNumber(), request.queryCode()),
            http.getRemoteAddr())));
    }

    @PostMapping(path = "/supplement", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add information to my open grievance (补充)")
    ResponseEntity<WorkerProgressView> supplement(@Valid @RequestBody SupplementRequest request,
                                                  HttpServletRequest http) {
        return answer(WorkerProgressView.of(selfService.supplement(credentials(request.trackingNumber(),
            request.queryCode()), request.text().strip(),
            http.getRemoteAddr())));
    }

    @PostMapping(path = "/withdraw", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw my open grievance (撤回)")
    ResponseEntity<WorkerProgressView> withdraw(@Valid @RequestBody WithdrawalRequest request,
                                                HttpServletRequest http) {
        return answer(WorkerProgressView.of(selfService.withdraw(credentials(request.trackingNumber(),
            request.queryCode()),
            request.reason() == null ? null : request.reason().strip(), http.getRemoteAddr())));
    }

    @PostMapping(path = "/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a photo, screenshot or PDF to my open grievance (≤ 10 MB)")
    ResponseEntity<WorkerProgressView> evidence(
        @RequestParam @NotBlank @Size(max = 20) String trackingNumber,
        @RequestParam @Pattern(regexp = SECRET, message = "{huiyin.intake.QueryCode.message}") String queryCode,
        @RequestPart("file") MultipartFile file, HttpServletRequest http) throws IOException {
        WorkerSelfService.Identified identified = selfService.identify(credentials(trackingNumber, queryCode),
            http.getRemoteAddr());
        attachEvidence.attach(identified.grievance(), file.getOriginalFilename(), file.getBytes(), "WORKER");
        return answer(WorkerProgressView.of(identified));
    }

    private static WorkerSelfService.Credentials credentials(String trackingNumber, String secret) {
        return new WorkerSelfService.Credentials(trackingNumber.strip(), secret);
    }

    private static ResponseEntity<WorkerProgressView> answer(WorkerProgressView view) {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(view);
    }
}
