package cn.huiyin.jointmeeting.domain.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;

/**
 * An action item (督办事项) a concluded meeting assigned: who leads it, with whom, what is to be done by when, for which
 * grievances. One per item; follow-up tracks it from here. Key: the action item id.
 */
public record ActionItemAssigned(String actionItemId, String meetingId, String agendaItemId,
                                 List<String> reviewRequestIds, List<String> grievanceIds, String task,
                                 String expectedOutcome, OrganisationRef leadOrganisation,
                                 List<OrganisationRef> coOrganisers, LocalDate dueDate, Instant dueAt,
                                 Instant assignedAt, String meetingTitle, String divisionCode) {
}
