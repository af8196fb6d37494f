package cn.huiyin.platform.service.sample;

import java.util.List;

import cn.huiyin.platform.service.audit.AuditTrail;
import cn.huiyin.platform.service.ratelimit.RateLimited;
import cn.huiyin.platform.service.security.CurrentUser;
import cn.huiyin.platform.service.security.HuiyinUser;
import cn.huiyin.platform.kernel.access.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
