package cn.huiyin.notifications.application;

import java.util.List;

import cn.huiyin.notifications.domain.Notification;
import cn.huiyin.platform.kernel.access.Caller;

/** Staff's in-app inbox: the messages to the caller's own organisation, and nothing else. */
public class ReadNotifications {

    private final Notifications notifications;

    public ReadNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    public List<Notification> inbox(Caller caller, int page, int size) {
        if (caller.organisationId() == null || caller.organisationId().isBlank()) {
            return List.of();
        }
        return notifications.inbox(caller.organisationId(), page, size);
    }
}
