package cn.huiyin.intake.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.huiyin.intake.domain.Progress;

/** Follow-up's stages and the retaliation links, told in Chinese and English (see {@link ProgressText}). */
final class FollowUpText {

    private static final DateTimeFormatter DAY_ZH = DateTimeFormatter.ofPattern("M月d日 HH:mm")
        .withZone(ZoneId.of("Asia/Shanghai"));
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("d MMM HH:mm")
        .withZone(ZoneId.of("Asia/Shanghai"));

    private static final Map<String, String[]> KINDS = Map.of(
        "RESOLVED", new String[] {"已解决", "resolved"},
        "PARTLY_RESOLVED", new String[] {"部分解决", "partly resolved"},
        "CANNOT_RESOLVE", new String[] {"无法解决", "cannot be resolved"});
    private static final Map<String, String[]> OUTCOMES = Map.of(
        "RESOLVED_AND_SATISFIED", new String[] {"已解决，您表示满意", "resolved, and you were satisfied"},
        "RESOLVED_BUT_DISSATISFIED", new String[] {"已办理，您表示不满意", "handled, and you were not satisfied"},
        "UNRESOLVED_WITH_EXPLANATION", new String[] {"未能解决，已向您说明原因", "not resolved; the reasons were explained"},
        "UNREACHABLE", new String[] {"多次回访未能联系到您", "you could not be reached for the callback"},
        "WITHDRAWN", new String[] {"您已撤回", "you withdrew it"},
        "MERGED", new String[] {"已合并办理", "merged with another grievance"});

    private FollowUpText() {
    }

    static String zh(Progress p) {
        Map<String, String> q = p.params();
        String org = q.getOrDefault("org", "承办单位");
        return switch (p.step()) {
            case CONTACTED -> org + " 已与您联系";
            case PROGRESS -> "正在办理" + due(q, "，预计 %s 前办结", DAY_ZH);
            case MATERIAL_REQUESTED -> "请补充材料：" + q.getOrDefault("materials", "") + "（补充后继续计时）";
            case RESOLVED -> "已办理：" + label(KINDS, q.get("kind"), 0) + remedyZh(q)
                + (q.containsKey("explanation") ? "。说明：" + q.get("explanation").replaceAll("[。.\\s]+$", "") : "")
                + "。回访人员将向您了解办理结果";
            case CALLED_BACK -> "已回访";
            case REOPENED -> "重新办理" + due(q, "，预计 %s 前办结", DAY_ZH);
            case EXTENDED -> "办理期限已延长" + due(q, "至 %s", DAY_ZH);
            case CLOSED -> "已办结：" + label(OUTCOMES, q.get("outcome"), 0);
            case RETALIATION_REPORTED -> q.containsKey("report")
                ? "您反映的打击报复问题已另行受理，编号 " + q.get("report") : "您反映的打击报复问题已另行受理";
            case FILED_FROM_CALLBACK -> q.containsKey("about")
                ? "回访中反映的打击报复问题，关联诉求 " + q.get("about") : "回访中反映的打击报复问题";
            default -> p.status().zh();
        };
    }

    static String en(Progress p) {
        Map<String, String> q = p.params();
        String org = q.getOrDefault("org", "The handling organisation");
        return switch (p.step()) {
            case CONTACTED -> org + " contacted you";
            case PROGRESS -> "Being handled" + due(q, "; due by %s", DAY_EN);
            case MATERIAL_REQUESTED -> "Please provide: " + q.getOrDefault("materials", "")
                + " (the clock resumes when it arrives)";
            case RESOLVED -> "Handled: " + label(KINDS, q.get("kind"), 1) + remedyEn(q)
                + ". The callback centre will ask you about the outcome";
            case CALLED_BACK -> "Callback made";
            case REOPENED -> "Handled again" + due(q, "; due by %s", DAY_EN);
            case EXTENDED -> "Deadline extended" + due(q, " to %s", DAY_EN);
            case CLOSED -> "Closed: " + label(OUTCOMES, q.get("outcome"), 1);
            case RETALIATION_REPORTED -> q.containsKey("report")
                ? "The retaliation you reported is filed as " + q.get("report") : "The retaliation you reported is filed";
            case FILED_FROM_CALLBACK -> q.containsKey("about")
                ? "Retaliation reported at the callback after " + q.get("about") : "Retaliation reported at a callback";
            default -> p.status().en();
        };
    }

    private static String due(Map<String, String> q, String pattern, DateTimeFormatter format) {
        String due = q.get("due");
        return due == null ? "" : pattern.formatted(format.format(Instant.parse(due)));
    }

    private static String label(Map<String, String[]> labels, String code, int language) {
        String[] label = code == null ? null : labels.get(code);
        return label == null ? String.valueOf(code) : label[language];
    }

    private static String remedyZh(Map<String, String> q) {
        List<String> parts = new ArrayList<>();
        if (q.containsKey("moneyRecoveredYuan")) {
            parts.add("追回 " + q.get("moneyRecoveredYuan") + " 元");
        }
        if ("true".equals(q.get("claimPaid"))) {
            parts.add("已理赔");
        }
        if ("true".equals(q.get("accountReinstated"))) {
            parts.add("账号已恢复");
        }
        if ("true".equals(q.get("penaltyWithdrawn"))) {
            parts.add("罚款已撤销");
        }
        return parts.isEmpty() ? "" : "（" + String.join("，", parts) + "）";
    }

    private static String remedyEn(Map<String, String> q) {
        List<String> parts = new ArrayList<>();
        if (q.containsKey("moneyRecoveredYuan")) {
            parts.add(q.get("moneyRecoveredYuan") + " yuan recovered");
        }
        if ("true".equals(q.get("claimPaid"))) {
            parts.add("claim paid");
        }
        if ("true".equals(q.get("accountReinstated"))) {
            parts.add("account reinstated");
        }
        if ("true".equals(q.get("penaltyWithdrawn"))) {
            parts.add("penalty withdrawn");
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }
}
