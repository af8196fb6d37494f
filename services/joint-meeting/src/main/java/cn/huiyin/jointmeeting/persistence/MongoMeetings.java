package cn.huiyin.jointmeeting.persistence;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.huiyin.jointmeeting.application.Meetings;
import cn.huiyin.jointmeeting.domain.meeting.JointMeeting;
import cn.huiyin.platform.messaging.outbox.AggregateStore;
import cn.huiyin.platform.messaging.outbox.Aggregates;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
class MongoMeetings implements Meetings {

    private static final Sort LATEST_FIRST = Sort.by(Sort.Direction.DESC, "startsAt");

    private final Aggregates<JointMeeting, MeetingDocument> meetings;
    private final MongoTemplate mongo;

    MongoMeetings(AggregateStore store, MongoTemplate mongo) {
        this.meetings = new Aggregates<>(store, MeetingDocument.class, JointMeeting::id, JointMeeting::pendingEvents,
            MeetingDocument::from, MeetingDocument::toDomain);
        this.mongo = mongo;
        mongo.indexOps(MeetingDocument.class).createIndex(new Index().on("convenerId", Sort.Direction.ASC));
        mongo.indexOps(MeetingDocument.class).createIndex(new Index().on("participantIds", Sort.Direction.ASC));
        mongo.indexOps(MeetingDocument.class).createIndex(new Index().on("reviewRequestIds", Sort.Direction.ASC));
        mongo.indexOps(MeetingDocument.class).createIndex(new Index().on("actionOwnerIds", Sort.Direction.ASC));
    }

    /** One counter per meeting day, raised by one atomic increment: numbers are unique however many instances run. */
    @Override
    public String nextId(LocalDate day) {
        String key = day.format(DateTimeFormatter.BASIC_ISO_DATE);
        Document counter = mongo.findAndModify(new Query(Criteria.where("_id").is(key)), new Update().inc("last", 1L),
            FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, "meeting_numbers");
        return "JM-%s-%03d".formatted(key, ((Number) counter.get("last")).longValue());
    }

    @Override
    public boolean addIfAbsent(JointMeeting meeting) {
        return meetings.addIfAbsent(meeting);
    }

    @Override
    public Optional<JointMeeting> find(String id) {
        return meetings.find(id);
    }

    @Override
    public void update(JointMeeting meeting) {
        meetings.update(meeting);
        // Aggregates updated it from the version it was read at, or threw: it is now one further.
        meeting.markStored(meeting.version() + 1);
    }

    @Override
    public List<JointMeeting> convenedBy(String organisationId) {
        return find(convenedByQuery(organisationId));
    }

    /** An organisation's meetings as convener, latest first: index {@code convenerId}. */
    static Query convenedByQuery(String organisationId) {
        return new Query(Criteria.where("convenerId").is(organisationId)).with(LATEST_FIRST);
    }

    @Override
    public List<JointMeeting> withParticipant(String organisationId) {
        return find(withParticipantQuery(organisationId));
    }

    /** The meetings an organisation takes part in: index {@code participantIds}. */
    static Query withParticipantQuery(String organisationId) {
        return new Query(Criteria.where("participantIds").is(organisationId)).with(LATEST_FIRST);
    }

    @Override
    public List<JointMeeting> withActionItemsOf(String organisationId) {
        return find(withActionItemsOfQuery(organisationId));
    }

    /** The meetings that gave an organisation action items: index {@code actionOwnerIds}. */
    static Query withActionItemsOfQuery(String organisationId) {
        return new Query(Criteria.where("actionOwnerIds").is(organisationId)).with(LATEST_FIRST);
    }

    @Override
    public List<JointMeeting> takingUp(Collection<String> reviewRequestIds) {
        return reviewRequestIds.isEmpty() ? List.of()
            : find(new Query(Criteria.where("reviewRequestIds").in(reviewRequestIds)).with(LATEST_FIRST));
    }

    private List<JointMeeting> find(Query query) {
        return mongo.find(query, MeetingDocument.class).stream().map(meetings::read).toList();
    }
}
