package cn.huiyin.triage.messaging;

import cn.huiyin.platform.messaging.EventCatalog;
import cn.huiyin.triage.domain.AssignmentAccepted;
import cn.huiyin.triage.domain.AssignmentReturned;
import cn.huiyin.triage.domain.GrievanceAssigned;
import cn.huiyin.triage.domain.GrievanceClustered;
import cn.huiyin.triage.domain.GrievanceMerged;
import cn.huiyin.triage.domain.GrievanceTriaged;
import cn.huiyin.triage.domain.JointReviewRequested;
import cn.huiyin.triage.domain.OrganisationUpdated;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What triage publishes, and where (see contracts/asyncapi/triage.asyncapi.yaml): one topic for the life of a case,
 * keyed by grievance id, so one grievance's events stay in order; and one for the organisation registry, keyed by
 * organisation id.
 */
@Configuration(proxyBeanMethods = false)
class TriageEvents {

    static final String CASE_TOPIC = "huiyin.triage.case.v1";
    /** The organisation registry, one record per change of an organisation (key = organisation id); kept forever. */
    static final String ORGANISATION_TOPIC = "huiyin.triage.organisation.v1";
    static final String CLUSTERED = "cn.huiyin.triage.GrievanceClustered.v1";

    @Bean
    EventCatalog triageEventCatalog() {
        return EventCatalog.builder()
            .event(GrievanceTriaged.class, "cn.huiyin.triage.GrievanceTriaged.v1", CASE_TOPIC)
            .event(GrievanceAssigned.class, "cn.huiyin.triage.GrievanceAssigned.v1", CASE_TOPIC)
            .event(AssignmentAccepted.class, "cn.huiyin.triage.AssignmentAccepted.v1", CASE_TOPIC)
            .event(AssignmentReturned.class, "cn.huiyin.triage.AssignmentReturned.v1", CASE_TOPIC)
            .event(GrievanceMerged.class, "cn.huiyin.triage.GrievanceMerged.v1", CASE_TOPIC)
            .event(JointReviewRequested.class, "cn.huiyin.triage.JointReviewRequested.v1", CASE_TOPIC)
            // Raised by the case that brought a cluster to the threshold, about (and keyed by) another member.
            .event(GrievanceClustered.class, CLUSTERED, CASE_TOPIC, GrievanceClustered::grievanceId)
            .event(OrganisationUpdated.class, "cn.huiyin.triage.OrganisationUpdated.v1", ORGANISATION_TOPIC,
                OrganisationUpdated::organisationId)
            .build();
    }
}
