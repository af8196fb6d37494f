package cn.huiyin.dashboard.application.query;

import java.time.LocalDate;
import java.util.Map;

/** Grievances received over a period, by category, channel, worker group, district and day (the first dashboard's answer). */
public record IntakeSummary(String jurisdiction, LocalDate from, LocalDate to, long total,
                            Map<String, Long> byCategory, Map<String, Long> byChannel, Map<String, Long> byWorkerGroup,
                            Map<String, Long> byDistrict, Map<LocalDate, Long> byDay) {
}
