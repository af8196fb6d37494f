package cn.huiyin.jointmeeting.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import cn.huiyin.jointmeeting.application.meeting.MeetingQueries;
import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;
import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Meeting exports", description = "The invitation as iCalendar, the minutes as a printable page")
class MeetingExportController {

    private final MeetingQueries queries;
    private final Clock clock;

    MeetingExportController(MeetingQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping(value = "/api/meetings/{meetingId}/invitation.ics", produces = "text/calendar")
    @RolesAllowed({Roles.MEETING_CONVENER, Roles.DEPARTMENT_LIAISON, Roles.ORG_HANDLER, Roles.SUPERVISOR})
    @Operation(summary = "The invitation as an iCalendar event (.ics), at Beijing time (VTIMEZONE Asia/Shanghai)")
    ResponseEntity<byte[]> invitation(@PathVariable String meetingId) {
        JointMeeting meeting = queries.get(Callers.current(), meetingId);
        return ResponseEntity.ok()
            .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(meeting.id() + ".ics").build().toString())
            .body(InvitationCalendar.of(meeting, clock.instant()).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(value = "/api/meetings/{meetingId}/minutes.html", produces = MediaType.TEXT_HTML_VALUE)
    @RolesAllowed({Roles.MEETING_CONVENER, Roles.DEPARTMENT_LIAISON, Roles.ORG_HANDLER, Roles.SUPERVISOR})
    @Operation(summary = "The minutes as a printable HTML page (会议纪要)")
    ResponseEntity<String> minutes(@PathVariable String meetingId) {
        Caller caller = Callers.current();
        JointMeeting meeting = queries.get(caller, meetingId);
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
            .body(PrintableMinutes.of(meeting, queries.seesGrievanceIds(caller), clock.instant()));
    }
}
