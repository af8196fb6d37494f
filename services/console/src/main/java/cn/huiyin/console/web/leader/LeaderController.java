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
import cn.huiyin.console.application.Services;
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
        "resolutionRate", "satisfactionRate", "satisfactionScore", "openOverdue", "moneyRecoveredYuan");

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Services services;
    private final Clock clock;
    private final ChartData chartData;

    LeaderController(Services services, Clock clock, ChartData chartData) {
        this.services = services;
        this.clock = clock;
        this.chartData = chartData;
    }

    @GetMapping
    String dashboard(@RequestParam(required = false) String period, @RequestParam(defaultValue = "organisation") String by,
                     Model model, Locale locale) {
        String month = YearMonth.now(clock.withZone(BEIJING)).toString();
        String asked = period == null || period.isBlank() ? month : period.strip();
        PageParts parts = PageParts.of(services, model);
        String query = "period=" + encode(asked) + "&by=" + encode(by) + ("organisation".equals(by) ? "&rollup=true" : "");
        Map<String, Object> figures = parts.one("figures", Service.DASHBOARD, "/api/dashboard/figures?" + query);
        List<Map<String, Object>> metrics = parts.list("metrics", Service.DASHBOARD, "/api/dashboard/metrics", "items");
        Map<String, Map<String, Object>> definitions = new LinkedHashMap<>();
        metrics.forEach(m -> definitions.put(String.valueOf(m.get("code")), m));
        model.addAttribute("period", asked);
        model.addAttribute("by", by);
        model.addAttribute("figures", figures);
        model.addAttribute("headline", HEADLINE);
        model.addAttribute("definitions", definitions);
        if (figures != null) {
            model.addAttribute("chartJson", chartData.of(figures, definitions, english(locale)));
        }
        model.addAttribute("ranking", parts.one("ranking", Service.DASHBOARD,
            "/api/dashboard/rankings/" + (asked.matches("\\d{4}-\\d{2}") ? asked : month)));
        model.addAttribute("hotspots", parts.one("hotspots", Service.DASHBOARD,
            "/api/dashboard/hotspots?month=" + (asked.matches("\\d{4}-\\d{2}") ? asked : month)));
        return "leader/dashboard";
    }

    /** The cases behind one figure (下钻); as many as the figure's numerator or denominator. */
    @GetMapping("/cases")
    String cases(@RequestParam String metric, @RequestParam(defaultValue = "numerator") String part,
                 @RequestParam String period, @RequestParam(required = false) String by,
                 @RequestParam(required = false) String key, Model model) {
        StringBuilder query = new StringBuilder("metric=" + encode(metric) + "&part=" + encode(part)
            + "&period=" + encode(period));
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
    ResponseEntity<byte[]> ledger(@PathVariable String format, @RequestParam(required = false) String period) {
        String query = period == null || period.isBlank() ? "" : "?period=" + encode(period);
        Services.Download file = services.download(Service.DASHBOARD, "/api/dashboard/ledger/cases." + format + query);
        return ResponseEntity.status(file.status()).header(HttpHeaders.CONTENT_TYPE, file.contentType())
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger." + format + "\"")
            .body(file.content());
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
