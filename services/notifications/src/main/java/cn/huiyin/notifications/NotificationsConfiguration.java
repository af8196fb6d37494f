package cn.huiyin.notifications;

import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.notifications.application.CallbacksDueToday;
import cn.huiyin.notifications.application.Consents;
import cn.huiyin.notifications.application.DeliverNotifications;
import cn.huiyin.notifications.application.DutyContacts;
import cn.huiyin.notifications.application.GrievanceFactsStore;
import cn.huiyin.notifications.application.MessageChannel;
import cn.huiyin.notifications.application.Notifications;
import cn.huiyin.notifications.application.PreviewTemplates;
import cn.huiyin.notifications.application.QueueNotifications;
import cn.huiyin.notifications.application.ReadNotifications;
import cn.huiyin.notifications.application.StaffAlerts;
import cn.huiyin.notifications.application.StaffDigests;
import cn.huiyin.notifications.application.WorkerContacts;
import cn.huiyin.notifications.application.WorkerMessages;
import cn.huiyin.notifications.application.WorkerOptOut;
import cn.huiyin.notifications.application.WorkerUpdates;
import cn.huiyin.notifications.domain.Channel;
import cn.huiyin.notifications.domain.QuietHours;
import cn.huiyin.notifications.domain.RetryPolicy;
import cn.huiyin.notifications.domain.TemplateBook;
import cn.huiyin.notifications.persistence.ClasspathTemplates;
import cn.huiyin.notifications.persistence.ConfiguredDutyContacts;
import cn.huiyin.notifications.web.IntakeSelfService;
import cn.huiyin.notifications.web.IntakeWorkerContacts;
import cn.huiyin.platform.calendar.BusinessHours;
import cn.huiyin.platform.calendar.ChinaCalendar;
import cn.huiyin.platform.messaging.lease.Leases;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires notifications' use cases, which are plain Java, to their adapters, the platform calendar and the clock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationsProperties.class)
class NotificationsConfiguration {

    @Bean
    ChinaCalendar chinaCalendar() {
        return ChinaCalendar.builtIn();
    }

    @Bean
    QuietHours quietHours(ChinaCalendar calendar) {
        return new QuietHours(calendar, BusinessHours.STANDARD);
    }

    @Bean
    TemplateBook templateBook() {
        return ClasspathTemplates.load();
    }

    @Bean
    DutyContacts dutyContacts(NotificationsProperties properties) {
        Map<String, List<DutyContacts.StaffContact>> contacts = new LinkedHashMap<>();
        if (properties.dutyContacts() != null) {
            properties.dutyContacts().forEach((organisation, list) -> contacts.put(organisation, list.stream()
                .map(c -> new DutyContacts.StaffContact(c.id(), c.mobile(), c.email())).toList()));
        }
        return new ConfiguredDutyContacts(contacts);
    }

    @Bean
    WorkerContacts workerContacts(NotificationsProperties properties, Clock clock) {
        return new IntakeWorkerContacts(properties.intakeUrl(), properties.tokenUrl(), properties.clientId(),
            properties.clientSecret(), clock);
    }

    @Bean
    QueueNotifications queueNotifications(Notifications notifications, GrievanceFactsStore facts, DutyContacts duty,
                                          TemplateBook templates, QuietHours quietHours, Clock clock) {
        return new QueueNotifications(notifications, facts, duty, templates, quietHours, clock);
    }

    @Bean
    WorkerUpdates workerUpdates(QueueNotifications queue) {
        return new WorkerUpdates(queue);
    }

    @Bean
    StaffAlerts staffAlerts(QueueNotifications queue) {
        return new StaffAlerts(queue);
    }

    @Bean
    DeliverNotifications deliverNotifications(Notifications notifications, WorkerContacts workers, Consents consents,
                                              DutyContacts duty,
                                              TemplateBook templates, List<MessageChannel> channels,
                                              QuietHours quietHours, NotificationsProperties properties, Clock clock) {
        Map<Channel, MessageChannel> byChannel = new EnumMap<>(Channel.class);
        channels.forEach(channel -> byChannel.put(channel.channel(), channel));
        NotificationsProperties.Delivery delivery = properties.delivery();
        return new DeliverNotifications(notifications, workers, consents, duty, templates, byChannel, quietHours,
            new RetryPolicy(delivery.maxAttempts(), delivery.firstRetry(), delivery.maxRetry()),
            new DeliverNotifications.RateLimit(properties.rateLimit().worker(), properties.rateLimit().staff(),
                properties.rateLimit().window()), clock);
    }

    @Bean
    StaffDigests staffDigests(Notifications notifications, QuietHours quietHours, NotificationsProperties properties,
                              Clock clock) {
        return new StaffDigests(notifications, quietHours, properties.digest().threshold());
    }

    @Bean
    CallbacksDueToday callbacksDueToday(GrievanceFactsStore facts, QueueNotifications queue, QuietHours quietHours,
                                        NotificationsProperties properties, Clock clock) {
        return new CallbacksDueToday(facts, queue, quietHours, properties.callbackCentre());
    }

    @Bean
    DeliverySchedule deliverySchedule(DeliverNotifications deliver, StaffDigests digests, CallbacksDueToday callbacks,
                                      Leases leases, NotificationsProperties properties, Clock clock) {
        return new DeliverySchedule(deliver, digests, callbacks, leases, properties.delivery().interval(),
            properties.delivery().batch(), clock);
    }

    @Bean
    PreviewTemplates previewTemplates(TemplateBook templates) {
        return new PreviewTemplates(templates);
    }

    @Bean
    WorkerMessages workerMessages(GrievanceFactsStore facts, Consents consents, QueueNotifications queue,
                                  PreviewTemplates previews, TemplateBook templates, Clock clock) {
        return new WorkerMessages(facts, consents, queue, previews, templates, clock);
    }

    @Bean
    WorkerOptOut workerOptOut(NotificationsProperties properties, Consents consents, Clock clock) {
        return new WorkerOptOut(new IntakeSelfService(properties.intakeUrl()), consents, clock);
    }

    @Bean
    ReadNotifications readNotifications(Notifications notifications, GrievanceFactsStore facts) {
        return new ReadNotifications(notifications, facts);
    }
}
