package cn.huiyin.jointmeeting.domain.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;

/**
 * An action item (督办事项): who leads it (牵头单位), who helps (配合单位), what is to be done, by when (a working day,
 * at the close of the lead's business), and what should come of it ("新增骑手专用停车位200个").
 *
 * @param actionItemId     given when the meeting concludes; null while the decision is a draft
 * @param calendarWarnings the calendar's doubts about the due date (a provisional year), bilingual
 * @param completion       follow-up's word that it is done; null while open
 */
public record ActionItem(String actionItemId, OrganisationRef lead, List<OrganisationRef> coOrganisers, String task,
                         String expectedOutcome, LocalDate dueDate, Instant dueAt, List<String> calendarWarnings,
                         Completion completion) {

    public ActionItem {
        coOrganisers = coOrganisers == null ? List.of() : List.copyOf(coOrganisers);
        calendarWarnings = calendarWarnings == null ? List.of() : List.copyOf(calendarWarnings);
    }

    /** Open and past its due time: the one place that answers "is this item overdue?". */
    public boolean isOverdue(Instant now) {
        return completion == null && dueAt != null && now.isAfter(dueAt);
    }

    public boolean isOpen() {
        return completion == null;
    }

    public boolean isOwnedBy(String organisationId) {
        return lead.id().equals(organisationId) || coOrganisers.stream().anyMatch(org -> org.id().equals(organisationId));
    }

    ActionItem numbered(String id) {
        return new ActionItem(id, lead, coOrganisers, task, expectedOutcome, dueDate, dueAt, calendarWarnings, completion);
    }

    ActionItem completed(Completion done) {
        return new ActionItem(actionItemId, lead, coOrganisers, task, expectedOutcome, dueDate, dueAt, calendarWarnings,
            done);
    }
}
