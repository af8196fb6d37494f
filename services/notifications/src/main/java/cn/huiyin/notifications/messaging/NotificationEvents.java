package cn.huiyin.notifications.messaging;

import cn.huiyin.notifications.domain.events.NotificationFailed;
import cn.huiyin.notifications.domain.events.NotificationSent;
import cn.huiyin.platform.messaging.EventCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What notifications publishes (contracts/asyncapi/notifications.asyncapi.yaml): one topic, keyed by the grievance
 * (or action item) the message was about, so a case's delivery history stays in order.
 */
@Configuration(proxyBeanMethods = false)
class NotificationEvents {

    static final String TOPIC = "huiyin.notifications.notification.v1";

    @Bean
    EventCatalog notificationEventCatalog() {
        return EventCatalog.builder()
            .event(NotificationSent.class, "cn.huiyin.notifications.NotificationSent.v1", TOPIC,
                NotificationSent::subject)
            .event(NotificationFailed.class, "cn.huiyin.notifications.NotificationFailed.v1", TOPIC,
                NotificationFailed::subject)
            .build();
    }
}
