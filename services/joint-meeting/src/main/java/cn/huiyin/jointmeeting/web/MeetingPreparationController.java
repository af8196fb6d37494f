package cn.huiyin.jointmeeting.web;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import cn.huiyin.jointmeeting.application.meeting.AgendaPlanning;
import cn.huiyin.jointmeeting.application.meeting.DecisionDrafting;
import cn.huiyin.jointmeeting.application.meeting.MeetingRecords;
import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;
import cn.huiyin.platform.kernel.access.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Meeting preparation (会前准备与会议记录)",
    description = "Agenda, attendance, decisions and minutes, by the convener. Whole replacements (agenda, minutes) "
        + "need If-Match with the meeting's ETag: 428 without it, 412 when someone changed the meeting meanwhile.")
class MeetingPreparationController {

    private final AgendaPlanning agenda;
    private final MeetingRecords records;
    private final Clock clock;

    MeetingPreparationController(AgendaPlanning agenda, MeetingRecords records, Clock clock) {
        this.agenda = agenda;
        this.records = records;
        this.clock = clock;
    }

    @GetMapping("/api/meetings/{meetingId}/agenda/proposal")
    @RolesAllowed(Roles.MEETING_CONVENER)
    @Operation(summary = "A proposed agenda (议程建议)",
        description = "The current agenda, then every pending review request of the convener's queue and every earlier "
            + "decision whose review date has come (with complaint counts before and after). PUT it back as it is or edited.")
    List<MeetingView.AgendaItemView> proposal(@PathVariable String meetingId) {
        return agenda.propose(Callers.current(), meetingId).stream()
            .map(item -> MeetingView.agendaItem(item, Optional.empty(), true, clock.instant())).toList();
    }

    @PutMapping("/api/meetings/{meetingId}/agenda")
    @RolesAllowed(Roles.MEETING_CONVENER)
    @Operation(summary = "Set the agenda (确定议程); If-Match required")
    ResponseEntity<MeetingView> setAgenda(@PathVariable String meetingId,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                          @Valid @RequestBody Requests.AgendaRequest request) {
        List<AgendaPlanning.Draft> drafts = request.items().stream().map(item -> new AgendaPlanning.Draft(
            item.agendaItemId(), item.title(), item.reviewRequestIds(),
            item.reviewOf() == null ? null : item.reviewOf().meetingId(),
            item.reviewOf() == null ? null : item.reviewOf().agendaItemId())).toList();
        return answer(agenda.setAgenda(Callers.current(), meetingId, Versions.fromIfMatch(ifMatch), drafts));
    }

    @PutMapping("/api/meetings/{meetingId}/attendance")
    @RolesAllowed(Roles.MEETING_CONVENER)
    @Operation(summary = "Record attendance (出席情况): PRESENT, DELEGATE, ABSENT")
    ResponseEntity<MeetingView> attendance(@PathVariable String meetingId,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                           @Valid @RequestBody Requests.AttendanceRequest request) {
        return answer(records.recordAttendance(Callers.current(), meetingId, Versions.fromIfMatch(ifMatch),
            request.entries().stream().map(e -> new MeetingRecords.AttendanceEntry(blank(e.organisationId()),
                blank(e.representative()), e.status(), e.note())).toList()));
    }

    @PutMapping("/api/meetings/{meetingId}/agenda/{agendaItemId}/decision")
    @RolesAllowed(Roles.MEETING_CONVENER)
    @Operation(summary = "Record the decision on an agenda item (会商意见)",
        description = "ACTIONS with action items (lead, co-organisers, task, expected outcome, dueDate or "
            + "dueInWorkingDays after the meeting day), or NO_ACTION; messageToWorkers is what the workers are told.")
    ResponseEntity<MeetingView> decide(@PathVariable String meetingId, @PathVariable String agendaItemId,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                       @Valid @RequestBody Requests.DecisionRequest request) {
        DecisionDrafting.Draft draft = new DecisionDrafting.Draft(request.outcome(), request.messageToWorkers(),
            request.reviewDate(), request.actionItems() == null ? List.of() : request.actionItems().stream()
            .map(i -> new DecisionDrafting.ItemDraft(blank(i.leadOrganisationId()), i.coOrganiserIds(), i.task(),
                i.expectedOutcome(), i.dueDate(), i.dueInWorkingDays())).toList());
        return answer(records.decide(Callers.current(), meetingId, agendaItemId, Versions.fromIfMatch(ifMatch), draft));
    }

    @PutMapping("/api/meetings/{meetingId}/minutes")
    @RolesAllowed(Roles.MEETING_CONVENER)
    @Operation(summary = "Write the minutes (会议纪要); If-Match required")
    ResponseEntity<MeetingView> minutes(@PathVariable String meetingId,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                        @Valid @RequestBody Requests.MinutesRequest request) {
        return answer(records.writeMinutes(Callers.current(), meetingId, Versions.fromIfMatch(ifMatch), request.text()));
    }

    private ResponseEntity<MeetingView> answer(JointMeeting meeting) {
        return ResponseEntity.ok().eTag(Versions.etag(meeting)).body(MeetingView.of(meeting, true, clock.instant()));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
