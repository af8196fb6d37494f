package cn.huiyin.console.web.leader;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.huiyin.console.application.Service;
import cn.huiyin.console.application.ReferenceData;
import cn.huiyin.console.application.Services;
import cn.huiyin.console.web.ConsoleUser;
import cn.huiyin.console.web.PageParts;
import cn.huiyin.platform.kernel.access.Roles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The leader's dashboard (看板): closure and the three rates with the figures behind them, by organisation (rolled
 * up) or by month, the monthly ranking, hotspots, and the cases behind any figure. The dashboard holds no personal
 * data, so neither does this page.
 */
@Controller
@RequestMapping("/leader")
@PreAuthorize("hasAnyRole('" + Roles.DASHBOARD_VIEWER + "','" + Roles.SUPERVISOR + "','" + Roles.ADMIN + "')")
class LeaderController {

    /** The figures the page shows first, in this order (docs/metrics.md). */
    static final List<String> HEADLINE = List.of("received", "closureRate", "onTimeClosureRate", "responseRate",
        "resolutionRate", "satisfactionRate", "satisfactionScore", "openOverdue");
    /** The further groups of tiles: how long it took, what workers got, how handling was overseen. */
    static final Map<String, List<String>> GROUPS = groups();
    static final List<String> BREAKDOWNS = List.of("organisation", "month", "week", "day", "category", "worker-group",
        "channel", "enterprise", "division");

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Services services;
    private final Clock clock;
    private final ChartData chartData;
    private final Places places;

    LeaderController(Services services, Clock clock, ChartData chartData, ReferenceData reference) {
        this.services = services;
        this.clock = clock;
        this.chartData = chartData;
        this.places = new Places(reference);
    }

    @GetMapping
    String dashboard(@RequestParam(required = false) String period, @RequestParam(defaultValue = "organisation") String by,
                     @RequestParam(required = false) String division, Model model, Locale locale) {
        String month = YearMonth.now(clock.withZone(BEIJING)).toString();
        String asked = period == null || period.isBlank() ? month : period.strip();
        String place = division == null || division.isBlank() ? null : division.strip();
        String query = "period=" + encode(asked) + "&by=" + encode(by) + ("organisation".equals(by) ? "&rollup=true" : "")
            + (place == null ? "" : "&division=" + encode(place));
        String rankingPath = "/api/dashboard/rankings/" + (asked.matches("\\d{4}-\\d{2}") ? asked : month);
        String hotspotsPath = "/api/dashboard/hotspots?month=" + (asked.matches("\\d{4}-\\d{2}") ? asked : month);
        PageParts parts = PageParts.of(services, model)
            .prefetch(Service.DASHBOARD, "/api/dashboard/figures?" + query)
            .prefetch(Service.DASHBOARD, "/api/dashboard/metrics")
            .prefetch(Service.DASHBOARD, rankingPath)
            .prefetch(Service.DASHBOARD, hotspotsPath);
        Map<String, Object> figures = parts.one("figures", Service.DASHBOARD, "/api/dashboard/figures?" + query);
        List<Map<String, Object>> metrics = parts.list("metrics", Service.DASHBOARD, "/api/dashboard/metrics", "items");
        Map<String, Map<String, Object>> definitions = new LinkedHashMap<>();
        metrics.forEach(m -> definitions.put(String.valueOf(m.get("code")), m));
        model.addAttribute("period", asked);
        model.addAttribute("by", by);
        model.addAttribute("division", place);
        model.addAttribute("divisions", places.within(ConsoleUser.current()));
        model.addAttribute("breakdowns", BREAKDOWNS);
        model.addAttribute("figures", figures);
        model.addAttribute("headline", HEADLINE);
        model.addAttribute("groups", GROUPS);
        model.addAttribute("definitions", definitions);
        if (figures != null) {
            model.addAttribute("chartJson", chartData.of(figures, definitions, english(locale)));
        }
        model.addAttribute("ranking", parts.one("ranking", Service.DASHBOARD, rankingPath));
        Map<String, Object> hotspots = parts.one("hotspots", Service.DASHBOARD, hotspotsPath);
        model.addAttribute("hotspots", hotspots);
        model.addAttribute("heat", HeatTable.of(hotspots));
        return "leader/dashboard";
    }

    /** The cases behind one figure (下钻); as many as the figure's numerator or denominator. */
    @GetMapping("/cases")
    String cases(@RequestParam String metric, @RequestParam(defaultValue = "numerator") String part,
                 @RequestParam String period, @RequestParam(required = false) String by,
                 @RequestParam(required = false) String key, @RequestParam(required = false) String division,
                 Model model) {
        StringBuilder query = new StringBuilder("metric=" + encode(metric) + "&part=" + encode(part)
            + "&period=" + encode(period));
        if (division != null && !division.isBlank()) {
            query.append("&division=").append(encode(division.strip()));
        }
        if (by != null && !by.isBlank() && key != null && !key.isBlank()) {
            query.append("&by=").append(encode(by)).append("&key=").append(encode(key));
            if ("organisation".equals(by)) {
                query.append("&rollup=true");
            }
        }
        model.addAttribute("metric", metric);
        model.addAttribute("part", part);
        model.addAttribute("period", period);
        model.addAttribute("drill", PageParts.of(services, model).one("drill", Service.DASHBOARD,
            "/api/dashboard/cases?" + query));
        return "leader/cases";
    }

    /** The case ledger (台账) as CSV or .xlsx, as the dashboard writes it for the viewer's jurisdiction. */
    @GetMapping("/ledger.{format:csv|xlsx}")
    ResponseEntity<byte[]> ledger(@PathVariable String format, @RequestParam(required = false) String period,
                                  @RequestParam(required = false) String division) {
        String query = (period == null || period.isBlank() ? "" : "&period=" + encode(period))
            + (division == null || division.isBlank() ? "" : "&division=" + encode(division.strip()));
        query = query.isEmpty() ? "" : "?" + query.substring(1);
        Services.Download file = services.download(Service.DASHBOARD, "/api/dashboard/ledger/cases." + format + query);
        return ResponseEntity.status(file.status()).header(HttpHeaders.CONTENT_TYPE, file.contentType())
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger." + format + "\"")
            .body(file.content());
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("times", List.of("responseHoursMedian", "responseHoursP90", "resolutionHoursMedian",
            "resolutionHoursP90"));
        groups.put("remedy", List.of("moneyRecoveredYuan", "claimsPaid", "accountsReinstated", "penaltiesWithdrawn",
            "parkingSpacesAdded", "workersCovered"));
        groups.put("oversight", List.of("returnRate", "reopenRate", "extensionRate", "supervised", "yellowCards",
            "redCards", "retaliationReports", "closedInLedger"));
        return groups;
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
