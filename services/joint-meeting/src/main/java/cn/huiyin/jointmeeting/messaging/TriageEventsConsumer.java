package cn.huiyin.jointmeeting.messaging;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import cn.huiyin.jointmeeting.application.review.FollowTriage;
import cn.huiyin.jointmeeting.application.review.ReviewRequestIntake;
import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;
import cn.huiyin.jointmeeting.domain.review.ReviewRequest;
import cn.huiyin.jointmeeting.domain.review.ReviewSource;
import cn.huiyin.platform.messaging.inbound.InboundEvent;
import cn.huiyin.platform.messaging.inbound.InboundEvents;
import cn.huiyin.platform.messaging.inbound.MalformedEventException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Joint-meeting listens to triage: its requests for a joint review, and the case events it keeps its own record of
 * (binding {@code triageCases-in-0}, see joint-meeting.yml).
 */
@Configuration(proxyBeanMethods = false)
class TriageEventsConsumer {

    private static final String TRIAGE = "cn.huiyin.triage.%s.v1";

    @Bean
    Consumer<Message<byte[]>> triageCases(InboundEvents inbound, FollowTriage follow, ReviewRequestIntake intake) {
        return inbound.consumer("joint-meeting", handlers -> handlers
            .on(TRIAGE.formatted("GrievanceTriaged"), InboundRecords.GrievanceTriaged.class, event -> {
                var data = event.data();
                follow.triaged(required(data.grievanceId(), event), required(data.revision(), event), data.category(),
                    data.categoryName(), data.divisionCode(), data.workerGroup(), required(data.triagedAt(), event));
            })
            .on(TRIAGE.formatted("GrievanceAssigned"), InboundRecords.GrievanceAssigned.class, event ->
                follow.assigned(required(event.data().grievanceId(), event), required(event.data().attempt(), event),
                    required(event.data().organisation(), event), orEmpty(event.data().coHandlers())))
            .on(TRIAGE.formatted("AssignmentAccepted"), InboundRecords.AssignmentAccepted.class, event ->
                follow.accepted(required(event.data().grievanceId(), event), required(event.data().attempt(), event),
                    required(event.data().organisation(), event).id()))
            .on(TRIAGE.formatted("AssignmentReturned"), InboundRecords.AssignmentReturned.class, event ->
                follow.returned(required(event.data().grievanceId(), event), required(event.data().attempt(), event)))
            .on(TRIAGE.formatted("GrievanceMerged"), InboundRecords.GrievanceMerged.class, event ->
                follow.merged(required(event.data().grievanceId(), event), required(event.data().mergedInto(), event)))
            .on(TRIAGE.formatted("JointReviewRequested"), InboundRecords.JointReviewRequested.class, event ->
                ConcurrentChanges.retry(() -> intake.requested(asks(event, intake)))));
    }

    /** One ask per cluster the case belongs to (all its members join), or one for the case alone. */
    private static List<ReviewRequest.Ask> asks(InboundEvent<InboundRecords.JointReviewRequested> event,
                                                ReviewRequestIntake intake) {
        var data = event.data();
        String grievanceId = required(data.grievanceId(), event);
        OrganisationRef convener = intake.convenerFor(data.leadOrganisation(), data.divisionCode())
            .orElse(data.leadOrganisation());
        List<ReviewRequest.Ask> asks = new ArrayList<>();
        for (var cluster : orEmpty(data.clusters())) {
            Set<String> members = new LinkedHashSet<>(orEmpty(cluster.memberIds()));
            members.add(grievanceId);
            asks.add(new ReviewRequest.Ask(ReviewSource.CLUSTER, required(cluster.clusterId(), event), cluster.kind(),
                cluster.label(), data.category(), data.categoryName(), data.divisionCode(), convener,
                List.copyOf(members), orEmpty(data.reasons()), orEmpty(data.coHandlers()), null));
        }
        if (asks.isEmpty()) {
            asks.add(new ReviewRequest.Ask(ReviewSource.FLAGGED, null, null,
                (data.categoryName() == null ? "" : data.categoryName() + " · ") + grievanceId, data.category(),
                data.categoryName(), data.divisionCode(), convener, List.of(grievanceId), orEmpty(data.reasons()),
                orEmpty(data.coHandlers()), null));
        }
        return asks;
    }

    static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    /** A required field missing is a record that can never be processed: straight to the dead-letter topic. */
    static <T> T required(T value, InboundEvent<?> event) {
        if (value == null) {
            throw new MalformedEventException("Event " + event.id() + " of type " + event.type()
                + " lacks a required field", null);
        }
        return value;
    }
}
