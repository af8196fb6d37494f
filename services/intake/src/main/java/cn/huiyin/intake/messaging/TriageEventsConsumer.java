package cn.huiyin.intake.messaging;

import java.util.List;
import java.util.function.Consumer;

import cn.huiyin.intake.application.FollowTriage;
import cn.huiyin.intake.domain.Handling;
import cn.huiyin.platform.messaging.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Intake listens to triage's case topic (binding {@code triageCases-in-0}, see intake.yml). */
@Configuration(proxyBeanMethods = false)
class TriageEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> triageCases(InboundEvents inbound, FollowTriage follow) {
        return inbound.consumer("intake", handlers -> handlers
            .on("cn.huiyin.triage.GrievanceAssigned.v1", TriageEvents.GrievanceAssigned.class, event -> {
                TriageEvents.GrievanceAssigned data = event.data();
                List<TriageEvents.Organisation> coHandlers = data.coHandlers() == null ? List.of() : data.coHandlers();
                follow.assigned(data.grievanceId(), new Handling(data.organisation().id(), data.organisation().name(),
                    data.organisation().type(), coHandlers.stream().map(TriageEvents.Organisation::id).toList(),
                    coHandlers.stream().filter(o -> Handling.ENTERPRISE.equals(o.type()))
                        .map(TriageEvents.Organisation::id).toList()), data.assignedAt());
            })
            .on("cn.huiyin.triage.AssignmentAccepted.v1", TriageEvents.AssignmentAccepted.class, event ->
                follow.accepted(event.data().grievanceId(), event.data().organisation().id(), event.data().acceptedAt()))
            .on("cn.huiyin.triage.AssignmentReturned.v1", TriageEvents.AssignmentReturned.class, event ->
                follow.returned(event.data().grievanceId(), event.data().organisation().id(),
                    "REFERRED_FOR_RULING".equals(event.data().outcome()), event.data().returnedAt()))
            .on("cn.huiyin.triage.GrievanceMerged.v1", TriageEvents.GrievanceMerged.class, event ->
                follow.merged(event.data().grievanceId(), event.data().mergedInto(), event.data().mergedAt())));
    }
}
