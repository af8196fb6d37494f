package cn.huiyin.triage.messaging;

import java.util.List;
import java.util.function.Consumer;

import cn.huiyin.platform.messaging.inbound.InboundEvents;
import cn.huiyin.platform.messaging.inbound.MalformedEventException;
import cn.huiyin.triage.application.ClusterMembers;
import cn.huiyin.triage.application.InboxesFollowCases;
import cn.huiyin.triage.domain.GrievanceClustered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Triage reads its own case topic twice, each binding in a group of its own (see triage.yml):
 * <ul>
 *   <li>{@code ownCaseEvents-in-0}: every event of a case re-derives that case's inbox entries, which repairs an
 *       inbox write a crash cut off ({@link InboxesFollowCases});</li>
 *   <li>{@code triageCases-in-0}: {@code GrievanceClustered} only, by which the case that brought a cluster to the
 *       threshold tells each earlier member, so that every member's case is changed by its own event in its own
 *       write. Every other event is skipped.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class OwnCaseEventsConsumer {

    /** The part of every triage case event the inbox repair needs. */
    record CaseEvent(String grievanceId) {
    }

    private static final List<String> CASE_EVENTS = List.of("GrievanceTriaged", "GrievanceAssigned",
        "AssignmentAccepted", "AssignmentReturned", "GrievanceMerged", "JointReviewRequested", "GrievanceClustered");

    @Bean
    Consumer<Message<byte[]>> ownCaseEvents(InboundEvents inbound, InboxesFollowCases inboxes) {
        return inbound.consumer("triage-inboxes", handlers -> CASE_EVENTS.forEach(type -> handlers.on(
            "cn.huiyin.triage." + type + ".v1", CaseEvent.class, event -> {
                if (event.data().grievanceId() != null) {
                    inboxes.caseChanged(event.data().grievanceId());
                }
            })));
    }

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
