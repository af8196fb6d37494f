package cn.huiyin.jointmeeting.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import cn.huiyin.jointmeeting.application.meeting.MeetingQueries;
import cn.huiyin.jointmeeting.application.meeting.MeetingRecords;
import cn.huiyin.jointmeeting.application.meeting.ScheduleMeeting;
import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;
import cn.huiyin.jointmeeting.domain.meeting.WorkerRepresentative;
import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Joint meetings (联席会议)", description = "Calling, reading and concluding joint meetings")
class MeetingController {

    static final String CONVENER = Roles.MEETING_CONVENER;
    static final String[] PARTICIPANTS = {Roles.MEETING_CONVENER, Roles.DEPARTMENT_LIAISON, Roles.ORG_HANDLER,
        Roles.SUPERVISOR};

    private final ScheduleMeeting schedule;
    private final MeetingQueries queries;
    private final MeetingRecords records;
    private final Clock clock;

    MeetingController(ScheduleMeeting schedule, MeetingQueries queries, MeetingRecords records, Clock clock) {
        this.schedule = schedule;
        this.queries = queries;
        this.records = records;
        this.clock = clock;
    }

    @PostMapping("/api/meetings")
    @RolesAllowed(CONVENER)
    @Operation(summary = "Call a joint meeting (召集联席会议)",
        description = "Regular or ad hoc; the caller's organisation convenes. Departments and enterprises by registry id, "
            + "worker representatives by role only. Answers 201 with the meeting and its ETag.")
    ResponseEntity<MeetingView> schedule(@Valid @RequestBody Requests.ScheduleRequest request) {
        Caller caller = Callers.current();
        JointMeeting meeting = schedule.schedule(caller, new ScheduleMeeting.Request(request.kind(), request.title(),
            request.startsAt(), request.endsAt(), request.place(), request.videoLink(), request.invitedDepartmentIds(),
            request.invitedEnterpriseIds(), request.workerRepresentatives() == null ? List.of()
                : request.workerRepresentatives().stream().map(r -> new WorkerRepresentative(r.label().strip(),
                    r.workerGroup(), r.count() == null ? 1 : r.count())).toList()));
        return ResponseEntity.created(URI.create("/api/meetings/" + meeting.id())).eTag(Versions.etag(meeting))
            .body(view(caller, meeting));
    }

    @GetMapping("/api/meetings")
    @RolesAllowed({Roles.MEETING_CONVENER, Roles.DEPARTMENT_LIAISON, Roles.ORG_HANDLER, Roles.SUPERVISOR})
    @Operation(summary = "The meetings my organisation convenes or is invited to (参会单位视图)")
    List<MeetingView> mine() {
        Caller caller = Callers.current();
        return queries.mine(caller).stream().map(m -> view(caller, m)).toList();
    }

    @GetMapping("/api/meetings/{meetingId}")
    @RolesAllowed({Roles.MEETING_CONVENER, Roles.DEPARTMENT_LIAISON, Roles.ORG_HANDLER, Roles.SUPERVISOR})
    @Operation(summary = "One meeting: invitation, agenda, attendance, decisions, minutes; with its ETag")
    ResponseEntity<MeetingView> get(@PathVariable String meetingId) {
        Caller caller = Callers.current();
        JointMeeting meeting = queries.get(caller, meetingId);
        return ResponseEntity.ok().eTag(Versions.etag(meeting)).body(view(caller, meeting));
    }

    @PostMapping("/api/meetings/{meetingId}/conclude")
    @RolesAllowed(CONVENER)
    @Operation(summary = "Conclude the meeting (会议结束): decisions become final, action items are assigned",
        description = "Refused (409, naming each missing part) while an agenda item has no decision or the minutes are "
            + "empty, before the meeting has started, and when it has concluded already.")
    ResponseEntity<MeetingView> conclude(@PathVariable String meetingId,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Caller caller = Callers.current();
        JointMeeting meeting = records.conclude(caller, meetingId, Versions.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(meeting)).body(view(caller, meeting));
    }

    private MeetingView view(Caller caller, JointMeeting meeting) {
        return MeetingView.of(meeting, queries.seesGrievanceIds(caller), clock.instant());
    }
}
