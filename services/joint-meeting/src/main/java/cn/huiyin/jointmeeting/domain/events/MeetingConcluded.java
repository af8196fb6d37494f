package cn.huiyin.jointmeeting.domain.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.huiyin.jointmeeting.domain.meeting.AttendanceStatus;
import cn.huiyin.jointmeeting.domain.meeting.DecisionOutcome;
import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;

/**
 * A joint meeting concluded (会议结束): its decision on every agenda item, for every grievance the item covers, in the
 * words the workers are told, with the action items and their due dates. Key: the meeting id.
 */
public record MeetingConcluded(String meetingId, String title, OrganisationRef convener, Instant startsAt,
                               Instant concludedAt, List<Attendee> attendance, List<Decided> decisions) {

    /** @param representative a worker representative's label (骑手代表), never a name */
    public record Attendee(OrganisationRef organisation, String representative, AttendanceStatus status) {
    }

    public record Decided(String agendaItemId, String title, List<String> reviewRequestIds, List<String> grievanceIds,
                          DecisionOutcome outcome, String messageToWorkers, LocalDate reviewDate,
                          List<Item> actionItems) {
    }

    public record Item(String actionItemId, String task, String expectedOutcome, OrganisationRef leadOrganisation,
                       List<OrganisationRef> coOrganisers, LocalDate dueDate, Instant dueAt) {
    }
}
