package cn.huiyin.intake.web;

import java.time.Instant;

import cn.huiyin.intake.domain.Progress;

/**
 * A history step told in Chinese and English. Parameters a reader may not see ({@link Progress#DETAILS}, e.g. for an
 * enterprise on a confidential case, and after retention) are simply absent and the sentence does without them.
 */
public final class ProgressText {

    /** One step as shown: when, the status after it, and what happened. */
    public record View(Instant at, String status, String noteZh, String noteEn) {
    }

    private ProgressText() {
    }

    public static View of(Progress progress) {
        return new View(progress.at(), progress.status().name(), zh(progress), en(progress));
    }

    public static String zh(Progress p) {
        if (p.step() == null) {
            return p.noteZh() != null ? p.noteZh() : p.status().zh();
        }
        String org = p.params().get("org");
        String filename = p.params().get("filename");
        String into = p.params().get("into");
        return switch (p.step()) {
            case SUBMITTED -> "诉求已受理，编号 " + p.params().getOrDefault("trackingNumber", "");
            case SUPPLEMENTED -> "已补充材料";
            case EVIDENCE_ADDED -> filename == null ? "已补充证据材料" : "已补充证据材料：" + filename;
            case WITHDRAWN -> "诉求已撤回";
            case ASSIGNED -> "已分派至 " + org + " 办理";
            case REASSIGNED -> "已改派至 " + org + " 办理";
            case ACCEPTED -> org + " 已签收，正在办理";
            case RETURNED -> org + " 退回，正在重新分派";
            case REFERRED_FOR_RULING -> org + " 退回，正由上级单位确定承办单位";
            case MERGED -> into == null ? "已与其他诉求合并办理" : "与诉求 " + into + " 合并办理";
            default -> FollowUpText.zh(p);
        };
    }

    public static String en(Progress p) {
        if (p.step() == null) {
            return p.noteEn() != null ? p.noteEn() : p.status().en();
        }
        String org = p.params().get("org");
        String filename = p.params().get("filename");
        String into = p.params().get("into");
        return switch (p.step()) {
            case SUBMITTED -> "Grievance accepted as " + p.params().getOrDefault("trackingNumber", "");
            case SUPPLEMENTED -> "Information added";
            case EVIDENCE_ADDED -> filename == null ? "Evidence added" : "Evidence added: " + filename;
            case WITHDRAWN -> "Grievance withdrawn";
            case ASSIGNED -> "Assigned to " + org;
            case REASSIGNED -> "Reassigned to " + org;
            case ACCEPTED -> org + " signed for it";
            case RETURNED -> org + " returned it; it is being routed again";
            case REFERRED_FOR_RULING -> org + " returned it; the organisation above is deciding who handles it";
            case MERGED -> into == null ? "Merged with another grievance" : "Merged into " + into;
            default -> FollowUpText.en(p);
        };
    }
}
