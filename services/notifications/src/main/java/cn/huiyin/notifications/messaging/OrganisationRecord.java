package cn.huiyin.notifications.messaging;

import cn.huiyin.notifications.application.QueueNotifications;

/** An organisation as the other services' events name it ({@code {"id","name","type"}}). */
record OrganisationRecord(String id, String name, String type) {

    QueueNotifications.Organisation toOrganisation() {
        return new QueueNotifications.Organisation(id, name, type);
    }
}
