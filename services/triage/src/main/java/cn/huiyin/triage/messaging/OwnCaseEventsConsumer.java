package cn.huiyin.triage.messaging;

import java.util.List;
import java.util.function.Consumer;

import cn.huiyin.platform.messaging.inbound.InboundEvents;
import cn.huiyin.triage.application.InboxesFollowCases;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Triage reads its own case topic (binding {@code ownCaseEvents-in-0}, see triage.yml): every event of a case
 * re-derives that case's inbox entries, which repairs an inbox write a crash cut off.
 */
@Configuration(proxyBeanMethods = false)
class OwnCaseEventsConsumer {

    /** The part of every triage case event this consumer needs. */
    record CaseEvent(String grievanceId) {
    }

    private static final List<String> CASE_EVENTS = List.of("GrievanceTriaged", "GrievanceAssigned",
        "AssignmentAccepted", "AssignmentReturned", "GrievanceMerged", "JointReviewRequested");

    @Bean
    Consumer<Message<byte[]>> ownCaseEvents(InboundEvents inbound, InboxesFollowCases inboxes) {
        return inbound.consumer("triage-inboxes", handlers -> CASE_EVENTS.forEach(type -> handlers.on(
            "cn.huiyin.triage." + type + ".v1", CaseEvent.class, event -> {
                if (event.data().grievanceId() != null) {
                    inboxes.caseChanged(event.data().grievanceId());
                }
            })));
    }
}
