package cn.huiyin.intake.web;

import cn.huiyin.intake.application.housekeeping.PersonalDataRetention;
import cn.huiyin.platform.kernel.access.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin")
@Tag(name = "Administration", description = "Data protection jobs")
class AdminController {

    private final PersonalDataRetention retention;

    AdminController(PersonalDataRetention retention) {
        this.retention = retention;
    }

    record RetentionRun(int erased, int skipped, String keepFor) {
    }

    @PostMapping("/retention/run")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Erase the personal data of grievances closed longer ago than the retention period, now")
    RetentionRun runRetention() {
        PersonalDataRetention.Run run = retention.run();
        return new RetentionRun(run.erased(), run.skipped(), retention.keepFor().toString());
    }
}
