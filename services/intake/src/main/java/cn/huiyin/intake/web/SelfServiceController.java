package cn.huiyin.intake.web;

import java.io.IOException;

import cn.huiyin.intake.application.AttachEvidence;
import cn.huiyin.intake.application.WorkerSelfService;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.platform.service.ratelimit.RateLimited;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The worker's self-service (自助查询), without an account: the tracking number and the last four digits of the
 * mobile number. The digits travel in the body, not the URL, so they stay out of access logs.
 */
@RestController
@RequestMapping("/api/public/grievances")
@PermitAll
@RateLimited("self-service")
@Validated
@Tag(name = "Worker self-service (自助)", description = "Follow, supplement or withdraw a grievance by tracking number")
class SelfServiceController {

    private final WorkerSelfService selfService;
    private final AttachEvidence attachEvidence;

    SelfServiceController(WorkerSelfService selfService, AttachEvidence attachEvidence) {
        this.selfService = selfService;
        this.attachEvidence = attachEvidence;
    }

    record Lookup(@NotBlank @Size(max = 20) String trackingNumber,
                  @NotBlank @Pattern(regexp = "\\d{4}", message = "{huiyin.intake.MobileLastFour.message}") String mobileLastFour) {
    }

    record SupplementRequest(@NotBlank @Size(max = 20) String trackingNumber,
                             @NotBlank @Pattern(regexp = "\\d{4}", message = "{huiyin.intake.MobileLastFour.message}")
                             String mobileLastFour,
                             @NotBlank @Size(max = 2000) String text) {
    }

    record WithdrawalRequest(@NotBlank @Size(max = 20) String trackingNumber,
                             @NotBlank @Pattern(regexp = "\\d{4}", message = "{huiyin.intake.MobileLastFour.message}")
                             String mobileLastFour,
                             @Size(max = 500) String reason) {
    }

    @PostMapping(path = "/lookup", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Where does my grievance stand? (查询进度)")
    WorkerProgressView lookup(@Valid @RequestBody Lookup request, HttpServletRequest http) {
        return WorkerProgressView.of(selfService.status(request.trackingNumber().strip(), request.mobileLastFour(),
            http.getRemoteAddr()));
    }

    @PostMapping(path = "/supplement", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add information to my open grievance (补充)")
    WorkerProgressView supplement(@Valid @RequestBody SupplementRequest request, HttpServletRequest http) {
        return WorkerProgressView.of(selfService.supplement(request.trackingNumber().strip(), request.mobileLastFour(),
            request.text().strip(), http.getRemoteAddr()));
    }

    @PostMapping(path = "/withdraw", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw my open grievance (撤回)")
    WorkerProgressView withdraw(@Valid @RequestBody WithdrawalRequest request, HttpServletRequest http) {
        return WorkerProgressView.of(selfService.withdraw(request.trackingNumber().strip(), request.mobileLastFour(),
            request.reason() == null ? null : request.reason().strip(), http.getRemoteAddr()));
    }

    @PostMapping(path = "/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a photo, screenshot or PDF to my open grievance (≤ 10 MB)")
    WorkerProgressView evidence(@RequestParam @NotBlank @Size(max = 20) String trackingNumber,
                                @RequestParam @Pattern(regexp = "\\d{4}", message = "{huiyin.intake.MobileLastFour.message}")
                                String mobileLastFour,
                                @RequestPart("file") MultipartFile file, HttpServletRequest http) throws IOException {
        Grievance grievance = selfService.identify(trackingNumber.strip(), mobileLastFour, http.getRemoteAddr());
        attachEvidence.attach(grievance, file.getOriginalFilename(), file.getBytes(), "WORKER");
        return WorkerProgressView.of(grievance);
    }
}
