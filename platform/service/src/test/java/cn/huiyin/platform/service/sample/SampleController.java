package cn.huiyin.platform.service.sample;

import java.time.OffsetDateTime;
import java.util.List;

import cn.huiyin.platform.service.audit.AuditTrail;
import cn.huiyin.platform.service.ratelimit.RateLimited;
import cn.huiyin.platform.service.security.CurrentUser;
import cn.huiyin.platform.service.security.HuiyinUser;
import cn.huiyin.platform.kernel.access.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints to show the platform's rules: role-restricted, public, rate-limited, and an audited personal-data read. */
@RestController
class SampleController {

    private final AuditTrail audit;

    SampleController(AuditTrail audit) {
        this.audit = audit;
    }

    record Note(@NotBlank String text) {
    }

    /** A form like the services' requests: short single-line fields, a long text, a number, a date, a nested part. */
    record Form(@NotBlank @Size(max = 50) String name, @NotNull @Min(1) Integer count, OffsetDateTime when,
                @NotBlank @Size(max = 4000) String description, @NotNull @Valid Place place, Boolean confidential,
                List<@Size(max = 20) String> tags) {
    }

    record Place(@NotBlank @Size(max = 12) String code, @Size(max = 200) String address) {
    }

    @PostMapping("/api/forms")
    @RolesAllowed(Roles.WINDOW_CLERK)
    Form form(@Valid @RequestBody Form form) {
        return form;
    }

    @PostMapping("/api/notes")
    @RolesAllowed(Roles.WINDOW_CLERK)
    HuiyinUser write(@Valid @RequestBody Note note) {
        return CurrentUser.required();
    }

    @GetMapping("/api/public/hello")
    @PermitAll
    String hello() {
        return "你好";
    }

    @GetMapping("/api/public/limited")
    @PermitAll
    @RateLimited("sample")
    String limited() {
        return "ok";
    }

    @GetMapping("/api/cases/{id}/contact")
    @RolesAllowed(Roles.CALLBACK_AGENT)
    String contact(@PathVariable String id, @RequestParam String reason) {
        audit.personalDataRead(id, List.of("mobile"), reason);
        return "13812341234";
    }
}
