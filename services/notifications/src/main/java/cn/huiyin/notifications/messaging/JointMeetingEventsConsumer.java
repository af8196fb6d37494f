package cn.huiyin.notifications.messaging;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import cn.huiyin.notifications.application.StaffAlerts;
import cn.huiyin.platform.messaging.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Joint-meeting's topic (binding {@code jointMeetings-in-0}): an action item assigned (交办) to its organisations. */
@Configuration(proxyBeanMethods = false)
class JointMeetingEventsConsumer {

    record ActionItemAssigned(String actionItemId, String task, OrganisationRecord leadOrganisation,
                              List<OrganisationRecord> coOrganisers, Instant dueAt, Instant assignedAt) {
    }

    @Bean
    Consumer<Message<byte[]>> jointMeetings(InboundEvents inbound, StaffAlerts staff) {
        return inbound.consumer("notifications", handlers -> handlers
            .on("cn.huiyin.jointmeeting.ActionItemAssigned.v1", ActionItemAssigned.class, event -> {
                ActionItemAssigned d = event.data();
                staff.actionItemAssigned(event.id(), Required.field(d.actionItemId(), "actionItemId", event),
                    Required.field(d.task(), "task", event),
                    Required.field(d.leadOrganisation(), "leadOrganisation", event).toOrganisation(),
                    d.coOrganisers() == null ? List.of()
                        : d.coOrganisers().stream().map(OrganisationRecord::toOrganisation).toList(),
                    d.dueAt(), Required.field(d.assignedAt(), "assignedAt", event));
            }));
    }
}
