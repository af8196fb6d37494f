package cn.huiyin.triage.messaging;

import java.util.function.Consumer;

import cn.huiyin.platform.messaging.inbound.InboundEvents;
import cn.huiyin.platform.messaging.inbound.MalformedEventException;
import cn.huiyin.triage.application.ClusterMembers;
import cn.huiyin.triage.domain.GrievanceClustered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Triage reads its own case topic (binding {@code triageCases-in-0}, see triage.yml) for one event only:
 * {@code GrievanceClustered}, by which the case that brought a cluster to the threshold tells each earlier member, so
 * that every member's case is changed by its own event in its own write. Every other event is skipped.
 */
@Configuration(proxyBeanMethods = false)
class OwnCaseEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> triageCases(InboundEvents inbound, ClusterMembers members) {
        return inbound.consumer("triage-clusters", handlers -> handlers
            .on(TriageEvents.CLUSTERED, GrievanceClustered.class, event -> {
                GrievanceClustered data = event.data();
                if (data.grievanceId() == null || data.clusterId() == null || data.kind() == null
                    || data.reason() == null || data.clusteredAt() == null) {
                    throw new MalformedEventException("Event " + event.id() + " of type " + event.type()
                        + " lacks a required field", null);
                }
                members.joined(data.grievanceId(), data.membership(), data.formedBy(), data.clusteredAt());
            }));
    }
}
