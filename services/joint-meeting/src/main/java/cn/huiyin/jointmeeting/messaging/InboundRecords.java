package cn.huiyin.jointmeeting.messaging;

import java.time.Instant;
import java.util.List;

import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;
import cn.huiyin.jointmeeting.domain.review.Reason;

/**
 * Joint-meeting's reading of other services' events: only the fields it uses (others are ignored, so producers can
 * add fields freely). Triage: contracts/events/triage; follow-up: contracts/events/follow-up.
 */
final class InboundRecords {

    private InboundRecords() {
    }

    record GrievanceTriaged(String grievanceId, Instant triagedAt, Integer revision, String category,
                            String categoryName, String divisionCode, String workerGroup) {
    }

    record GrievanceAssigned(String grievanceId, Integer attempt, OrganisationRef organisation,
                             List<OrganisationRef> coHandlers) {
    }

    record AssignmentAccepted(String grievanceId, Integer attempt, OrganisationRef organisation) {
    }

    record AssignmentReturned(String grievanceId, Integer attempt) {
    }

    record GrievanceMerged(String grievanceId, String mergedInto) {
    }

    record JointReviewRequested(String grievanceId, Instant requestedAt, List<Reason> reasons, String category,
                                String categoryName, String divisionCode, OrganisationRef leadOrganisation,
                                List<OrganisationRef> coHandlers, List<Cluster> clusters) {

        record Cluster(String clusterId, String kind, String label, List<String> memberIds) {
        }
    }

    record OrganisationUpdated(String organisationId, String name, String nameEn, String type, String parentId,
                               List<OrganisationRef> ancestors, List<String> jurisdiction, String businessHours,
                               Boolean active, Long revision, Instant updatedAt) {
    }

    record ActionItemCompleted(String actionItemId, String meetingId, OrganisationRef organisation, String outcome,
                               String result, Integer evidenceCount, Instant completedAt) {
    }
}
