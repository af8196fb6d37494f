package cn.huiyin.jointmeeting.persistence;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;
import cn.huiyin.jointmeeting.domain.organisation.OrganisationRef;
import cn.huiyin.platform.messaging.outbox.AggregateDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A joint meeting as stored, with its outbox. Flat fields serve the queries: the convener's meetings, the meetings an
 * organisation takes part in, the meetings that gave it action items, the meetings that take up a review request.
 */
@Document("meetings")
class MeetingDocument extends AggregateDocument {

    private JointMeeting.Snapshot meeting;
    private String convenerId;
    private Instant startsAt;
    private List<String> participantIds;
    private List<String> actionOwnerIds;
    private List<String> reviewRequestIds;

    MeetingDocument() {
    }

    static MeetingDocument from(JointMeeting meeting, long version) {
        JointMeeting.Snapshot s = meeting.snapshot();
        MeetingDocument document = new MeetingDocument();
        document.setId(meeting.id());
        document.setVersion(version);
        document.meeting = s;
        document.convenerId = meeting.convener().id();
        document.startsAt = s.details().startsAt();
        document.participantIds = Stream.concat(Stream.of(meeting.convener()), Stream.concat(
            s.details().invitedDepartments().stream(), s.details().invitedEnterprises().stream()))
            .map(OrganisationRef::id).distinct().toList();
        document.actionOwnerIds = s.decisions().stream().flatMap(d -> d.actionItems().stream())
            .flatMap(a -> Stream.concat(Stream.of(a.lead()), a.coOrganisers().stream())).map(OrganisationRef::id)
            .distinct().toList();
        document.reviewRequestIds = s.agenda().stream().flatMap(a -> a.reviewRequestIds().stream()).distinct().toList();
        return document;
    }

    JointMeeting toDomain() {
        JointMeeting.Snapshot s = meeting;
        return JointMeeting.restore(new JointMeeting.Snapshot(s.id(), s.details(), s.convener(), s.state(), s.agenda(),
            s.agendaRevision(), s.nextAgendaNumber(), s.attendance(), s.minutes(), s.decisions(), s.scheduledBy(),
            s.scheduledAt(), s.concludedBy(), s.concludedAt(), getVersion()));
    }
}
