package cn.huiyin.dashboard.web;

import java.time.LocalDate;
import java.time.ZoneId;

import cn.huiyin.dashboard.application.CountSubmissions;
import cn.huiyin.dashboard.domain.IntakeSummary;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.service.security.CurrentUser;
import cn.huiyin.platform.kernel.access.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/dashboard")
@Tag(name = "Dashboard (看板)", description = "Aggregates for leaders; no personal data")
class DashboardController {

    private final CountSubmissions count;

    DashboardController(CountSubmissions count) {
        this.count = count;
    }

    @GetMapping("/intake")
    @RolesAllowed({Roles.DASHBOARD_VIEWER, Roles.SUPERVISOR})
    @Operation(summary = "Grievances received in your jurisdiction per category, channel, worker group, district and day "
        + "(Beijing dates, inclusive)")
    IntakeSummary intake(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (start.isAfter(end)) {
            throw DomainException.invalid("period.reversed", "开始日期不能晚于结束日期", "from must not be after to");
        }
        if (start.plusYears(2).isBefore(end)) {
            throw DomainException.invalid("period.too-long", "查询区间不能超过两年", "the period must not exceed two years");
        }
        return count.summary(CurrentUser.required(), start, end);
    }
}
