package cn.huiyin.notifications.application;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;

import cn.huiyin.platform.calendar.ChinaCalendar;

/** How facts appear in message parameters: Beijing time, short, without anything personal. */
final class Formats {

    private static final Map<String, String> LIMITS = Map.of("RESPONSE", "响应时限", "RESOLUTION", "办结时限",
        "ACTION_ITEM", "交办事项时限", "SUPERVISION_REPLY", "督办回复时限", "EXTENSION", "延期时限");
    private static final Map<String, String> CLOSURES = Map.of("RESOLVED_AND_SATISFIED", "已解决，您表示满意",
        "RESOLVED_BUT_DISSATISFIED", "已办结，您的意见已记录", "UNRESOLVED_WITH_EXPLANATION", "已作出说明",
        "UNREACHABLE", "多次回访未能联系到您", "WITHDRAWN", "您已撤回", "MERGED", "已与同类诉求合并办理");
    private static final int OUTCOME_LENGTH = 24;

    private Formats() {
    }

    /** e.g. {@code 12月17日17:30} (Beijing time). */
    static String dateTime(Instant instant) {
        if (instant == null) {
            return "—";
        }
        ZonedDateTime t = instant.atZone(ChinaCalendar.ZONE);
        return "%d月%d日%02d:%02d".formatted(t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute());
    }

    /** e.g. {@code 12月17日} (Beijing date). */
    static String date(Instant instant) {
        if (instant == null) {
            return "—";
        }
        ZonedDateTime t = instant.atZone(ChinaCalendar.ZONE);
        return "%d月%d日".formatted(t.getMonthValue(), t.getDayOfMonth());
    }

    static String limit(String kind) {
        return LIMITS.getOrDefault(kind, "办理时限");
    }

    static String closure(String outcome) {
        return CLOSURES.getOrDefault(outcome, "已结案");
    }

    /** The handler's explanation, cut to what an SMS can carry; the full text is in the worker's self-service. */
    static String outcome(String kind, String explanation) {
        String text = explanation == null || explanation.isBlank()
            ? switch (kind == null ? "" : kind) {
                case "PARTLY_RESOLVED" -> "部分解决。";
                case "CANNOT_RESOLVE" -> "暂无法解决，已向您说明原因。";
                default -> "已解决。";
            }
            : explanation.strip();
        return text.codePointCount(0, text.length()) <= OUTCOME_LENGTH ? text
            : text.substring(0, text.offsetByCodePoints(0, OUTCOME_LENGTH - 1)) + "…";
    }

    /** The remedy in a few characters: money recovered, a claim paid; empty if none. */
    static String remedy(String yuan, boolean claimPaid) {
        StringBuilder text = new StringBuilder();
        if (yuan != null && !yuan.isBlank() && !yuan.matches("0+(\\.0+)?")) {
            text.append("追回").append(yuan).append("元。");
        }
        if (claimPaid) {
            text.append("理赔已获支付。");
        }
        return text.toString();
    }

    static String subject(String grievanceId, String actionItemId) {
        return grievanceId != null ? "诉求" + grievanceId : "交办事项" + actionItemId;
    }
}
