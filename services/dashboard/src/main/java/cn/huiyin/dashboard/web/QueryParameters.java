package cn.huiyin.dashboard.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.huiyin.dashboard.application.query.Breakdown;
import cn.huiyin.dashboard.application.query.DrillDown;
import cn.huiyin.dashboard.domain.cell.Contribution;
import cn.huiyin.dashboard.domain.cell.ReportingPeriod;
import cn.huiyin.dashboard.domain.metric.Metric;
import cn.huiyin.platform.kernel.FieldProblem;
import cn.huiyin.platform.kernel.InvalidFieldsException;

/**
 * Reads a dashboard request's parameters, collecting every bad one so that the answer names them all at once
 * (problem details, Chinese and English). {@link #check()} throws if any was bad.
 */
final class QueryParameters {

    private final Clock clock;
    private final List<FieldProblem> problems = new ArrayList<>();

    QueryParameters(Clock clock) {
        this.clock = clock;
    }

    /** A period ({@code 2026-11}, {@code 2026-W47}, {@code 2026-Q4}, {@code 2026}, a day); the current month if absent. */
    ReportingPeriod period(String name, String value) {
        if (value == null || value.isBlank()) {
            return ReportingPeriod.month(YearMonth.now(clock.withZone(Contribution.BEIJING)));
        }
        Optional<ReportingPeriod> period = ReportingPeriod.parse(value);
        if (period.isEmpty()) {
            problems.add(new FieldProblem(name, "period.malformed",
                "期间格式应为 2026-11、2026-W47、2026-Q4、2026 或 2026-11-20", "a period is written 2026-11, 2026-W47, "
                    + "2026-Q4, 2026 or 2026-11-20"));
            return ReportingPeriod.month(YearMonth.now(clock.withZone(Contribution.BEIJING)));
        }
        if (period.get().from().plusYears(2).isBefore(period.get().to())) {
            problems.add(new FieldProblem(name, "period.too-long", "查询区间不能超过两年", "the period must not exceed two years"));
        }
        return period.get();
    }

    YearMonth month(String name, String value) {
        if (value == null || value.isBlank()) {
            return YearMonth.now(clock.withZone(Contribution.BEIJING));
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (java.time.DateTimeException e) {
            problems.add(new FieldProblem(name, "month.malformed", "月份格式应为 2026-11", "a month is written 2026-11"));
            return YearMonth.now(clock.withZone(Contribution.BEIJING));
        }
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Contribution.BEIJING));
    }

    Breakdown breakdown(String name, String value) {
        return Breakdown.parse(value).orElseGet(() -> {
            problems.add(new FieldProblem(name, "by.unknown", "未知的分组方式：" + value + "（可选 organisation、"
                + "worker-group、category、channel、enterprise、division、day、week、month）", "unknown breakdown " + value
                + " (organisation, worker-group, category, channel, enterprise, division, day, week, month)"));
            return Breakdown.NONE;
        });
    }

    Metric metric(String name, String value) {
        Optional<Metric> metric = value == null ? Optional.empty() : Metric.byCode(value.strip());
        if (metric.isEmpty()) {
            problems.add(new FieldProblem(name, "metric.unknown", "未知的指标：" + value + "（见 /api/dashboard/metrics）",
                "unknown metric " + value + " (see /api/dashboard/metrics)"));
            return Metric.RECEIVED;
        }
        return metric.get();
    }

    DrillDown.Part part(String name, String value) {
        if ("numerator".equalsIgnoreCase(value) || value == null || value.isBlank()) {
            return DrillDown.Part.NUMERATOR;
        }
        if ("denominator".equalsIgnoreCase(value)) {
            return DrillDown.Part.DENOMINATOR;
        }
        problems.add(new FieldProblem(name, "part.unknown", "part 只能是 numerator 或 denominator",
            "part is numerator or denominator"));
        return DrillDown.Part.NUMERATOR;
    }

    int within(String name, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(new FieldProblem(name, "range", name + " 须在 " + min + " 到 " + max + " 之间",
                name + " must lie between " + min + " and " + max));
            return min;
        }
        return value;
    }

    void add(FieldProblem problem) {
        problems.add(problem);
    }

    void check() {
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }
}
