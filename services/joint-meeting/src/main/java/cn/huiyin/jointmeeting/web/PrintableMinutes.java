package cn.huiyin.jointmeeting.web;

import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.huiyin.jointmeeting.domain.meeting.Attendance;
import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;
import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;

/** The minutes (会议纪要) as a self-contained HTML page to print or save as PDF; every value is HTML-escaped. */
final class PrintableMinutes {

    private PrintableMinutes() {
    }

    static String of(JointMeeting meeting, boolean showGrievances, Instant now) {
        MeetingView view = MeetingView.of(meeting, showGrievances, now);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .append(esc(view.title())).append(" 会议纪要</title>\n<style>\n")
            .append("body{font-family:\"Noto Serif CJK SC\",\"Songti SC\",serif;max-width:46em;margin:2em auto;line-height:1.6}\n")
            .append("h1{text-align:center;font-size:1.5em}table{border-collapse:collapse;width:100%;margin:.5em 0}\n")
            .append("th,td{border:1px solid #444;padding:.3em .5em;text-align:left;vertical-align:top}\n")
            .append(".minutes{white-space:pre-wrap}.meta{color:#333}\n")
            .append("@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}}\n")
            .append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(esc(view.title())).append("<br>会议纪要</h1>\n<p class=\"meta\">会议编号：")
            .append(esc(view.meetingId())).append("　召集单位：").append(esc(view.convener().name()))
            .append("<br>时间：").append(esc(view.startsAtBeijing())).append(" 至 ").append(esc(view.endsAtBeijing()))
            .append("（北京时间）<br>地点：").append(esc(Stream.of(view.place(), view.videoLink()).filter(v -> v != null)
                .collect(Collectors.joining(" / ")))).append("<br>状态：")
            .append(view.concludedAt() == null ? "未结束（草稿）" : "已于 " + esc(MeetingView.beijing(view.concludedAt())) + " 结束")
            .append("</p>\n");
        html.append("<h2>出席情况</h2>\n<table><tr><th>单位 / 职工代表</th><th>出席</th><th>备注</th></tr>\n");
        for (OrganisationRef org : Stream.concat(view.invitedDepartments().stream(), view.invitedEnterprises().stream()).toList()) {
            Attendance entry = view.attendance().stream().filter(a -> a.organisation() != null
                && a.organisation().id().equals(org.id())).findFirst().orElse(null);
            row(html, org.name(), entry);
        }
        view.workerRepresentatives().forEach(rep -> row(html, rep.label() + "（" + rep.count() + " 名）", view.attendance()
            .stream().filter(a -> rep.label().equals(a.representative())).findFirst().orElse(null)));
        html.append("</table>\n<h2>议题与会商意见</h2>\n");
        int n = 1;
        for (MeetingView.AgendaItemView item : view.agenda()) {
            html.append("<h3>").append(n++).append(". ").append(esc(item.title())).append("</h3>\n<p>涉及诉求 ")
                .append(item.grievanceCount()).append(" 件");
            if (item.grievanceIds() != null && !item.grievanceIds().isEmpty()) {
                html.append("：").append(esc(String.join("、", item.grievanceIds())));
            }
            html.append("</p>\n");
            if (item.effectivenessCheck() != null) {
                html.append("<p>成效评估：").append(esc(item.effectivenessCheck().summaryZh())).append("</p>\n");
            }
            if (item.decision() == null) {
                html.append("<p><strong>尚无会商意见</strong></p>\n");
                continue;
            }
            html.append("<p>会商意见（").append(esc(item.decision().outcomeName())).append("）：")
                .append(esc(item.decision().messageToWorkers())).append("</p>\n");
            if (!item.decision().actionItems().isEmpty()) {
                html.append("<table><tr><th>编号</th><th>事项</th><th>牵头单位</th><th>配合单位</th><th>预期成效</th><th>办结时限</th></tr>\n");
                for (MeetingView.ActionItemView action : item.decision().actionItems()) {
                    html.append("<tr><td>").append(esc(action.actionItemId() == null ? "（结束会议时编号）" : action.actionItemId()))
                        .append("</td><td>").append(esc(action.task())).append("</td><td>")
                        .append(esc(action.leadOrganisation().name())).append("</td><td>")
                        .append(esc(action.coOrganisers().stream().map(OrganisationRef::name).collect(Collectors.joining("、"))))
                        .append("</td><td>").append(esc(action.expectedOutcome())).append("</td><td>")
                        .append(esc(action.dueAtBeijing())).append("</td></tr>\n");
                }
                html.append("</table>\n");
            }
        }
        html.append("<h2>会议纪要</h2>\n<div class=\"minutes\">").append(esc(view.minutes() == null ? "" : view.minutes()))
            .append("</div>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, String who, Attendance entry) {
        String status = entry == null ? "未登记" : switch (entry.status()) {
            case PRESENT -> "出席";
            case DELEGATE -> "委托出席";
            case ABSENT -> "缺席";
        };
        html.append("<tr><td>").append(esc(who)).append("</td><td>").append(status).append("</td><td>")
            .append(esc(entry == null || entry.note() == null ? "" : entry.note())).append("</td></tr>\n");
    }

    static String esc(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
            .replace("'", "&#39;");
    }
}
