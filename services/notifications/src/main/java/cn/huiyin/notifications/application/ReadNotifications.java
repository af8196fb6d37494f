package cn.huiyin.notifications.application;

import java.util.List;

import cn.huiyin.notifications.domain.Notification;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.kernel.access.Caller;

/**
 * What staff read: their organisation's in-app inbox (nothing of other organisations), and the delivery status of every
 * message about a grievance in their jurisdiction (the case's message history).
 */
public class ReadNotifications {

    private final Notifications notifications;
    private final GrievanceFactsStore facts;

    public ReadNotifications(Notifications notifications, GrievanceFactsStore facts) {
        this.notifications = notifications;
        this.facts = facts;
    }

    public List<Notification> inbox(Caller caller, int page, int size) {
        if (caller.organisationId() == null || caller.organisationId().isBlank()) {
            return List.of();
        }
        return notifications.inbox(caller.organisationId(), page, size);
    }

    /** @throws DomainException not found for a grievance unknown here or outside the caller's jurisdiction */
    public List<Notification> history(Caller caller, String grievanceId) {
        GrievanceFacts known = facts.find(grievanceId).orElse(null);
        if (known == null || known.divisionCode() == null || !caller.covers(known.divisionCode())) {
            throw DomainException.notFound("grievance.unknown", "没有编号为 " + grievanceId + " 的诉求",
                "No grievance " + grievanceId);
        }
        return notifications.about(grievanceId);
    }
}
