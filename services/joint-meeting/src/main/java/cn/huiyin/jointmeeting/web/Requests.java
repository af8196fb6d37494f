package cn.huiyin.jointmeeting.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.huiyin.jointmeeting.domain.meeting.AttendanceStatus;
import cn.huiyin.jointmeeting.domain.meeting.DecisionOutcome;
import cn.huiyin.jointmeeting.domain.meeting.MeetingKind;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The request bodies of the joint-meeting API. Formats are checked here; what needs the registry, the calendar or
 * the meeting (an unknown department, a due date on a holiday, an item without a lead) is checked by the use case,
 * which names every bad field at once.
 */
final class Requests {

    private Requests() {
    }

    /** 提请联席会商: why the handling organisation cannot solve the case alone. */
    record EscalationRequest(@NotBlank @Size(max = 500) String explanation) {
    }

    /** Worker representatives by role, never by name (the use case refuses a label carrying a phone or ID number). */
    record RepresentativeRequest(@NotBlank @Size(max = 40) String label,
                                 @Pattern(regexp = "^[A-Z_]{2,40}$") String workerGroup,
                                 @Min(1) @Max(50) Integer count) {
    }

    record ScheduleRequest(@NotNull MeetingKind kind, @NotBlank @Size(max = 100) String title, @NotNull Instant startsAt,
                           @NotNull Instant endsAt, @Size(max = 200) String place,
                           @Size(max = 500) String videoLink,
                           @Size(max = 30) List<@NotBlank @Size(max = 80) String> invitedDepartmentIds,
                           @Size(max = 30) List<@NotBlank @Size(max = 80) String> invitedEnterpriseIds,
                           @Size(max = 20) List<@Valid @NotNull RepresentativeRequest> workerRepresentatives) {
    }

    record ReviewOf(@NotBlank @Size(max = 40) String meetingId, @NotBlank @Size(max = 20) String agendaItemId) {
    }

    /**
     * An agenda item: review requests to decide on, or an earlier decision to check (reviewOf). The read-only fields
     * of a proposed item are ignored, so a proposal can be PUT back as it came.
     */
    @JsonIgnoreProperties({"kind", "grievanceIds", "grievanceCount", "effectivenessCheck", "decision"})
    record AgendaItemRequest(@Size(max = 20) String agendaItemId, @Size(max = 200) String title,
                             @Size(max = 20) List<@NotBlank @Size(max = 60) String> reviewRequestIds,
                             @Valid ReviewOf reviewOf) {
    }

    record AgendaRequest(@NotNull @Size(max = 30) List<@Valid @NotNull AgendaItemRequest> items) {
    }

    /** One attendance entry: an invited organisation by id, or worker representatives by their label. */
    record AttendanceEntryRequest(@Size(max = 80) String organisationId, @Size(max = 40) String representative,
                                  @NotNull AttendanceStatus status, @Size(max = 100) String note) {
    }

    record AttendanceRequest(@NotNull @Size(max = 60) List<@Valid @NotNull AttendanceEntryRequest> entries) {
    }

    /** One action item: a due date, or a number of working days after the meeting day. */
    record ActionItemRequest(@Size(max = 80) String leadOrganisationId,
                             @Size(max = 10) List<@NotBlank @Size(max = 80) String> coOrganiserIds,
                             @Size(max = 500) String task, @Size(max = 200) String expectedOutcome, LocalDate dueDate,
                             Integer dueInWorkingDays) {
    }

    record DecisionRequest(DecisionOutcome outcome, @Size(max = 1000) String messageToWorkers, LocalDate reviewDate,
                           @Size(max = 20) List<@Valid @NotNull ActionItemRequest> actionItems) {
    }

    record MinutesRequest(@NotNull @Size(max = 20000) String text) {
    }
}
