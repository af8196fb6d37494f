package cn.huiyin.notifications.messaging;

import java.time.Instant;
import java.util.function.Consumer;

import cn.huiyin.notifications.application.QueueNotifications;
import cn.huiyin.notifications.application.WorkerUpdates;
import cn.huiyin.platform.messaging.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Triage's case topic (binding {@code triageCases-in-0}): the urgency of an assignment (staff messages of an urgent
 * grievance ignore quiet hours) and the sign-for (签收), which the worker hears of.
 */
@Configuration(proxyBeanMethods = false)
class TriageEventsConsumer {

    record GrievanceAssigned(String grievanceId, String urgency) {
    }

    record AssignmentAccepted(String grievanceId, Instant acceptedAt, OrganisationRecord organisation) {
    }

    @Bean
    Consumer<Message<byte[]>> triageCases(InboundEvents inbound, QueueNotifications queue, WorkerUpdates workers) {
        return inbound.consumer("notifications", handlers -> handlers
            .on("cn.huiyin.triage.GrievanceAssigned.v1", GrievanceAssigned.class, event ->
                queue.grievanceAssigned(Required.field(event.data().grievanceId(), "grievanceId", event),
                    "URGENT".equals(event.data().urgency())))
            .on("cn.huiyin.triage.AssignmentAccepted.v1", AssignmentAccepted.class, event -> {
                AssignmentAccepted d = event.data();
                workers.signedFor(event.id(), Required.field(d.grievanceId(), "grievanceId", event),
                    Required.field(d.organisation(), "organisation", event).toOrganisation(),
                    Required.field(d.acceptedAt(), "acceptedAt", event));
            }));
    }
}
