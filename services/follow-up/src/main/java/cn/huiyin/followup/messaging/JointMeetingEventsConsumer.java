package cn.huiyin.followup.messaging;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import cn.huiyin.followup.application.TrackActionItems;
import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.followup.domain.actionitem.Assignment;
import cn.huiyin.platform.messaging.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Follow-up tracks the action items joint meetings assign (binding {@code jointMeetingActionItems-in-0}); other
 * events of the meeting topic are skipped.
 */
@Configuration(proxyBeanMethods = false)
class JointMeetingEventsConsumer {

    record Organisation(String id, String name, String type) {
        OrganisationRef ref() {
            return new OrganisationRef(id, name, type);
        }
    }

    /** Follow-up's reading of {@code cn.huiyin.jointmeeting.ActionItemAssigned.v1}. */
    record ActionItemAssigned(String actionItemId, String meetingId, String agendaItemId,
                              List<String> reviewRequestIds, List<String> grievanceIds, String task,
                              String expectedOutcome, Organisation leadOrganisation, List<Organisation> coOrganisers,
                              Instant dueAt, Instant assignedAt, String meetingTitle, String divisionCode) {
    }

    @Bean
    Consumer<Message<byte[]>> jointMeetingActionItems(InboundEvents inbound, TrackActionItems actionItems) {
        return inbound.consumer("follow-up", handlers -> handlers
            .on("cn.huiyin.jointmeeting.ActionItemAssigned.v1", ActionItemAssigned.class, event -> {
                ActionItemAssigned d = event.data();
                List<OrganisationRef> coOrganisers = d.coOrganisers() == null ? List.of()
                    : d.coOrganisers().stream().map(Organisation::ref).toList();
                actionItems.assigned(Required.field(d.actionItemId(), "actionItemId", event), new Assignment(
                    Required.field(d.meetingId(), "meetingId", event), d.agendaItemId(), d.reviewRequestIds(),
                    d.grievanceIds(), Required.field(d.task(), "task", event), d.expectedOutcome(),
                    Required.field(d.leadOrganisation(), "leadOrganisation", event).ref(), coOrganisers,
                    Required.field(d.dueAt(), "dueAt", event), Required.field(d.assignedAt(), "assignedAt", event),
                    d.meetingTitle(), d.divisionCode()));
            }));
    }
}
