package cn.huiyin.dashboard.web;

import java.time.Clock;
import java.time.YearMonth;

import cn.huiyin.dashboard.application.ranking.MonthlyRankings;
import cn.huiyin.dashboard.application.ranking.RankingView;
import cn.huiyin.dashboard.domain.ranking.Correction;
import cn.huiyin.platform.kernel.access.Roles;
import cn.huiyin.platform.service.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The monthly ranking of units (月度排名), frozen when the month ends, changed only by recorded corrections (核减). */
@RestController
@RequestMapping("/api/dashboard/rankings")
@Tag(name = "Dashboard rankings (月度排名)")
class RankingsController {

    /** A correction request: which case leaves the month's figures, and why. */
    record CorrectionRequest(@NotBlank @Size(max = 40) String grievanceId, @NotBlank @Size(max = 500) String reason) {
    }

    private final MonthlyRankings rankings;
    private final Clock clock;

    RankingsController(MonthlyRankings rankings, Clock clock) {
        this.rankings = rankings;
        this.clock = clock;
    }

    @GetMapping("/{month}")
    @RolesAllowed({Roles.DASHBOARD_VIEWER, Roles.SUPERVISOR})
    @Operation(summary = "A month's ranking of units in your jurisdiction: live while the month runs, its frozen "
        + "snapshot with recorded corrections afterwards")
    RankingView ranking(@PathVariable String month, @RequestParam(required = false) String division) {
        QueryParameters parameters = new QueryParameters(clock);
        YearMonth asked = parameters.month("month", month);
        parameters.check();
        return rankings.ranking(CurrentUser.required().caller(), division, asked);
    }

    @PostMapping("/{month}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Records a correction (核减) of an ended month: a case found invalid on appeal leaves its "
        + "unit's figures; who and why are kept")
    Correction correct(@PathVariable String month, @Valid @RequestBody CorrectionRequest request) {
        QueryParameters parameters = new QueryParameters(clock);
        YearMonth asked = parameters.month("month", month);
        parameters.check();
        return rankings.correct(CurrentUser.required().caller(), asked, request.grievanceId(), request.reason());
    }
}
