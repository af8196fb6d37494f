package cn.huiyin.jointmeeting.domain.events;

import java.time.Instant;
import java.util.List;

import cn.huiyin.jointmeeting.domain.meeting.MeetingKind;
import cn.huiyin.jointmeeting.domain.meeting.WorkerRepresentative;
import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;

/** A joint meeting (联席会议) was called: when, where, who is invited. Key: the meeting id. */
public record MeetingScheduled(String meetingId, MeetingKind kind, String title, OrganisationRef convener,
                               Instant startsAt, Instant endsAt, String place, String videoLink,
                               List<OrganisationRef> invitedDepartments, List<OrganisationRef> invitedEnterprises,
                               List<WorkerRepresentative> workerRepresentatives, Instant scheduledAt) {
}
