package cn.huiyin.followup.messaging;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import cn.huiyin.followup.application.AssignedGrievance;
import cn.huiyin.followup.application.FollowGrievances;
import cn.huiyin.followup.domain.OrganisationRef;
import cn.huiyin.platform.messaging.inbound.InboundEvent;
import cn.huiyin.platform.messaging.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Follow-up listens to triage's case topic (binding {@code triageCases-in-0}, see follow-up.yml). */
@Configuration(proxyBeanMethods = false)
class TriageEventsConsumer {

    /** An organisation as triage's events name it; {@code ancestors} (nearest first) is optional. */
    record Organisation(String id, String name, String type, List<Organisation> ancestors) {
        OrganisationRef ref() {
            return new OrganisationRef(id, name, type);
        }
    }

    record GrievanceTriaged(String grievanceId, Instant triagedAt, String category, String categoryName,
                            String urgency, String workerGroup, String divisionCode, Instant responseDueAt,
                            Instant resolutionDueAt) {
    }

    record GrievanceAssigned(String grievanceId, Instant assignedAt, Integer attempt, Organisation organisation,
                             List<Organisation> coHandlers, String category, String categoryName, String urgency,
                             Instant responseDueAt, Instant resolutionDueAt) {
    }

    record AssignmentAccepted(String grievanceId, Instant acceptedAt, Integer attempt, Organisation organisation) {
    }

    record AssignmentReturned(String grievanceId, Instant returnedAt, Integer attempt, Organisation organisation,
                              String outcome) {
    }

    record GrievanceMerged(String grievanceId, String mergedInto, Instant mergedAt) {
    }

    @Bean
    Consumer<Message<byte[]>> triageCases(InboundEvents inbound, FollowGrievances follow) {
        return inbound.consumer("follow-up", handlers -> handlers
            .on("cn.huiyin.triage.GrievanceTriaged.v1", GrievanceTriaged.class, event -> {
                GrievanceTriaged d = event.data();
                follow.triaged(Required.field(d.grievanceId(), "grievanceId", event),
                    Required.field(d.triagedAt(), "triagedAt", event), d.category(), d.categoryName(), d.urgency(),
                    d.workerGroup(), d.divisionCode(), d.responseDueAt(), d.resolutionDueAt());
            })
            .on("cn.huiyin.triage.GrievanceAssigned.v1", GrievanceAssigned.class, event ->
                follow.assigned(Required.field(event.data().grievanceId(), "grievanceId", event), assigned(event)))
            .on("cn.huiyin.triage.AssignmentAccepted.v1", AssignmentAccepted.class, event -> {
                AssignmentAccepted d = event.data();
                follow.signedFor(Required.field(d.grievanceId(), "grievanceId", event),
                    Required.field(d.organisation(), "organisation", event).id(),
                    Required.field(d.attempt(), "attempt", event), Required.field(d.acceptedAt(), "acceptedAt", event));
            })
            .on("cn.huiyin.triage.AssignmentReturned.v1", AssignmentReturned.class, event -> {
                AssignmentReturned d = event.data();
                follow.returned(Required.field(d.grievanceId(), "grievanceId", event),
                    Required.field(d.organisation(), "organisation", event).id(),
                    Required.field(d.attempt(), "attempt", event), "REFERRED_FOR_RULING".equals(d.outcome()),
                    Required.field(d.returnedAt(), "returnedAt", event));
            })
            .on("cn.huiyin.triage.GrievanceMerged.v1", GrievanceMerged.class, event ->
                follow.merged(Required.field(event.data().grievanceId(), "grievanceId", event),
                    Required.field(event.data().mergedInto(), "mergedInto", event),
                    Required.field(event.data().mergedAt(), "mergedAt", event))));
    }

    private static AssignedGrievance assigned(InboundEvent<GrievanceAssigned> event) {
        GrievanceAssigned d = event.data();
        Organisation lead = Required.field(d.organisation(), "organisation", event);
        List<OrganisationRef> ancestors = lead.ancestors() == null ? List.of()
            : lead.ancestors().stream().map(Organisation::ref).toList();
        List<OrganisationRef> coHandlers = d.coHandlers() == null ? List.of()
            : d.coHandlers().stream().map(Organisation::ref).toList();
        return new AssignedGrievance(Required.field(d.assignedAt(), "assignedAt", event),
            Required.field(d.attempt(), "attempt", event), lead.ref(), ancestors, coHandlers, d.category(),
            d.categoryName(), d.urgency(), Required.field(d.responseDueAt(), "responseDueAt", event),
            Required.field(d.resolutionDueAt(), "resolutionDueAt", event));
    }
}
