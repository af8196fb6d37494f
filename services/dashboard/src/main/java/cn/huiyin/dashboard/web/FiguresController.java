package cn.huiyin.dashboard.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.huiyin.dashboard.application.ledger.Workbooks;
import cn.huiyin.dashboard.application.query.Breakdown;
import cn.huiyin.dashboard.application.query.CaseList;
import cn.huiyin.dashboard.application.query.DrillDown;
import cn.huiyin.dashboard.application.query.FigureTable;
import cn.huiyin.dashboard.application.query.HotspotQueries;
import cn.huiyin.dashboard.application.query.HotspotView;
import cn.huiyin.dashboard.application.query.IntakeCounts;
import cn.huiyin.dashboard.application.query.IntakeSummary;
import cn.huiyin.dashboard.application.query.LeaderQueries;
import cn.huiyin.dashboard.domain.cell.ReportingPeriod;
import cn.huiyin.dashboard.domain.metric.Metric;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.access.Roles;
import cn.huiyin.platform.service.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A leader's figures (领导看板), each with the cases behind it, within the caller's jurisdiction. */
@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "Dashboard (看板)", description = "Figures for leaders from pre-aggregated cells; no personal data")
class FiguresController {

    private final LeaderQueries leaders;
    private final DrillDown drillDown;
    private final IntakeCounts intake;
    private final HotspotQueries hotspots;
    private final Workbooks workbooks;
    private final Clock clock;

    FiguresController(LeaderQueries leaders, DrillDown drillDown, IntakeCounts intake, HotspotQueries hotspots,
                      Workbooks workbooks, Clock clock) {
        this.workbooks = workbooks;
        this.leaders = leaders;
        this.drillDown = drillDown;
        this.intake = intake;
        this.hotspots = hotspots;
        this.clock = clock;
    }

    @GetMapping("/figures")
    @RolesAllowed({Roles.DASHBOARD_VIEWER, Roles.SUPERVISOR})
    @Operation(summary = "Every figure of your jurisdiction (or a division in it) over a period, optionally broken down "
        + "by organisation (rollup=true: along the hierarchy), worker-group, category, channel, enterprise, division, "
        + "day, week or month. Definitions: GET /api/dashboard/metrics")
    FigureTable figures(@RequestParam(required = false) String period, @RequestParam(required = false) String division,
                        @RequestParam(required = false) String by, @RequestParam(defaultValue = "false") boolean rollup) {
        QueryParameters parameters = new QueryParameters(clock);
        ReportingPeriod asked = parameters.period("period", period);
        Breakdown breakdown = parameters.breakdown("by", by);
        parameters.check();
        return leaders.figures(CurrentUser.required().caller(), division, asked, breakdown, rollup);
    }

    @GetMapping("/figures.xlsx")
    @RolesAllowed({Roles.DASHBOARD_VIEWER, Roles.SUPERVISOR})
    @Operation(summary = "The same figures as /figures as an .xlsx workbook: a row per breakdown row and figure "
        + "(value, numerator, denominator) and a sheet with every figure's definition")
    ResponseEntity<StreamingResponseBody> figuresWorkbook(@RequestParam(required = false) String period,
                                                          @RequestParam(required = false) String division,
                                                          @RequestParam(required = false) String by,
                                                          @RequestParam(defaultValue = "false") boolean rollup) {
        FigureTable table = figures(period, division, by, rollup);
        StreamingResponseBody body = out -> FiguresWorkbook.write(workbooks, table, out);
        return ResponseEntity.ok().contentType(LedgerController.XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"figures-" + table.scope() + "-" + table.period() + ".xlsx\"").body(body);
    }

    @GetMapping("/cases")
    @RolesAllowed({Roles.DASHBOARD_VIEWER, Roles.SUPERVISOR})
    @Operation(summary = "The cases behind a figure (下钻): as many as its numerator or denominator. Same period, "
        + "division, by, rollup as /figures; key names the row")
    CaseList cases(@RequestParam(required = false) String metric, @RequestParam(required = false) String part,
                   @RequestParam(required = false) String period, @RequestParam(required = false) String division,
                   @RequestParam(required = false) String by, @RequestParam(required = false) String key,
                   @RequestParam(defaultValue = "false") boolean rollup, @RequestParam(defaultValue = "0") int page,
                   @RequestParam(defaultValue = "100") int size) {
        QueryParameters parameters = new QueryParameters(clock);
        Metric asked = parameters.metric("metric", metric);
        DrillDown.Part side = parameters.part("part", part);
        ReportingPeriod reporting = parameters.period("period", period);
        Breakdown breakdown = parameters.breakdown("by", by);
        int pageNumber = parameters.within("page", page, 0, 1_000_000);
        int pageSize = parameters.within("size", size, 1, 1000);
        parameters.check();
        return drillDown.cases(CurrentUser.required().caller(), division, reporting, asked, side, breakdown, key,
            rollup, pageNumber, pageSize);
    }

    @GetMapping("/intake")
    @RolesAllowed({Roles.DASHBOARD_VIEWER, Roles.SUPERVISOR})
    @Operation(summary = "Grievances received in your jurisdiction per category, channel, worker group, district and day "
        + "(Beijing dates, inclusive; the last 30 days by default)")
    IntakeSummary intake(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        QueryParameters parameters = new QueryParameters(clock);
        LocalDate end = to == null ? parameters.today() : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (start.isAfter(end)) {
            parameters.add(new FieldProblem("from", "period.reversed", "开始日期不能晚于结束日期",
                "from must not be after to"));
        } else if (start.plusYears(2).isBefore(end)) {
            parameters.add(new FieldProblem("to", "period.too-long", "查询区间不能超过两年",
                "the period must not exceed two years"));
        }
        parameters.check();
        return intake.summary(CurrentUser.required().caller(), start, end);
    }

    @GetMapping("/hotspots")
    @RolesAllowed({Roles.DASHBOARD_VIEWER, Roles.SUPERVISOR})
    @Operation(summary = "Hotspots of a month (热点): category x street and category x enterprise, month on month; "
        + "clusters growing two months running flagged")
    HotspotView hotspots(@RequestParam(required = false) String month, @RequestParam(required = false) String division,
                         @RequestParam(defaultValue = "50") int limit) {
        QueryParameters parameters = new QueryParameters(clock);
        var asked = parameters.month("month", month);
        int rows = parameters.within("limit", limit, 1, 500);
        parameters.check();
        return hotspots.hotspots(CurrentUser.required().caller(), division, asked, rows);
    }

    @GetMapping("/metrics")
    @RolesAllowed({Roles.DASHBOARD_VIEWER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "The written definition of every figure: numerator, denominator, exclusions, the date it is "
        + "counted by (docs/metrics.md); for tooltips")
    List<Map<String, Object>> metrics() {
        return Arrays.stream(Metric.values()).map(MetricDefinitions::of).toList();
    }
}
