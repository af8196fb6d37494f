package cn.huiyin.followup.domain.actionitem;

import java.time.Instant;
import java.util.List;

import cn.huiyin.followup.domain.OrganisationRef;

/**
 * What the joint meeting decided and gave to a department (joint-meeting's {@code ActionItemAssigned}): the task, the
 * outcome expected, the lead department and co-organisers, the grievances it serves and the due date.
 */
public record Assignment(String meetingId, String agendaItemId, List<String> reviewRequestIds,
                         List<String> grievanceIds, String task, String expectedOutcome, OrganisationRef lead,
                         List<OrganisationRef> coOrganisers, Instant dueAt, Instant assignedAt, String meetingTitle,
                         String divisionCode) {

    public Assignment {
        reviewRequestIds = reviewRequestIds == null ? List.of() : List.copyOf(reviewRequestIds);
        grievanceIds = grievanceIds == null ? List.of() : List.copyOf(grievanceIds);
        coOrganisers = coOrganisers == null ? List.of() : List.copyOf(coOrganisers);
    }
}
