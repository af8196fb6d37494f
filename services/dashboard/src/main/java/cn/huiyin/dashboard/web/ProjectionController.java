package cn.huiyin.dashboard.web;

import cn.huiyin.dashboard.application.rebuild.RebuildProgressView;
import cn.huiyin.dashboard.application.rebuild.RebuildProjection;
import cn.huiyin.platform.kernel.access.Roles;
import cn.huiyin.platform.service.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilding the dashboard's projection from the topics' full history (docs/dashboard.md). */
@RestController
@RequestMapping("/api/dashboard/projection/rebuilds")
@Tag(name = "Dashboard projection (重建)")
class ProjectionController {

    private final RebuildProjection rebuild;

    ProjectionController(RebuildProjection rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Starts replaying every topic from its first record into a fresh generation; the dashboard "
        + "switches to it once it has caught up. 409 while one runs")
    RebuildProgressView start() {
        return rebuild.start(CurrentUser.required().caller().username());
    }

    @GetMapping("/latest")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "How far the latest rebuild is: records read of those there are, percent, rate per second, "
        + "time left, phase (REPLAYING, HANDOFF, DONE, FAILED)")
    RebuildProgressView latest() {
        return rebuild.progress();
    }
}
