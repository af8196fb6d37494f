package cn.huiyin.notifications.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import cn.huiyin.notifications.application.QueueNotifications.Organisation;

/**
 * Staff get their reminders (催办), escalations (督办), breaches (超期) and action items (交办) in the inbox of each
 * organisation concerned and through its duty contacts, in working time unless the grievance is urgent.
 */
public class StaffAlerts {

    private final QueueNotifications queue;

    public StaffAlerts(QueueNotifications queue) {
        this.queue = queue;
    }

    public void reminder(String cause, String grievanceId, String actionItemId, String limitKind, Instant limitDueAt,
                         long workingMinutesLeft, List<Organisation> recipients, Instant at) {
        for (Organisation to : recipients) {
            queue.toStaff(cause, subjectOf(grievanceId, actionItemId), grievanceId, "STAFF_REMINDER", Map.of(
                "subject", Formats.subject(grievanceId, actionItemId), "limit", Formats.limit(limitKind),
                "dueAt", Formats.dateTime(limitDueAt), "workingMinutesLeft", Long.toString(workingMinutesLeft),
                "organisation", queue.nameOf(grievanceId, to)), List.of(to), at);
        }
    }

    public void escalated(String cause, String grievanceId, String actionItemId, Organisation handler,
                          Organisation escalatedTo, Instant replyDueAt, List<Organisation> recipients, Instant at) {
        Map<String, String> parameters = Map.of("subject", Formats.subject(grievanceId, actionItemId),
            "escalatedTo", escalatedTo == null ? "上级单位" : queue.nameOf(grievanceId, escalatedTo),
            "organisation", queue.nameOf(grievanceId, handler), "replyDueAt", Formats.dateTime(replyDueAt));
        queue.toStaff(cause, subjectOf(grievanceId, actionItemId), grievanceId, "STAFF_ESCALATED", parameters,
            recipients, at);
    }

    public void breached(String cause, String grievanceId, String actionItemId, String limitKind, Instant dueAt,
                         Organisation organisation, Instant at) {
        queue.toStaff(cause, subjectOf(grievanceId, actionItemId), grievanceId, "STAFF_DEADLINE_BREACHED", Map.of(
            "subject", Formats.subject(grievanceId, actionItemId), "limit", Formats.limit(limitKind),
            "dueAt", Formats.dateTime(dueAt), "organisation", queue.nameOf(grievanceId, organisation)),
            List.of(organisation), at);
    }

    public void actionItemAssigned(String cause, String actionItemId, String task, Organisation lead,
                                   List<Organisation> coOrganisers, Instant dueAt, Instant at) {
        List<Organisation> recipients = new java.util.ArrayList<>();
        recipients.add(lead);
        recipients.addAll(coOrganisers);
        queue.toStaff(cause, actionItemId, null, "STAFF_ACTION_ITEM_ASSIGNED", Map.of("task", task,
            "organisation", lead.name(), "dueDate", Formats.dateTime(dueAt)), recipients, at);
    }

    private static String subjectOf(String grievanceId, String actionItemId) {
        return grievanceId != null ? grievanceId : actionItemId;
    }
}
