package cn.huiyin.platform.messaging.outbox;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The state-change half of the audit trail (留痕): every event a service raises becomes an append-only entry in
 * {@value #COLLECTION}, keyed by the event id, saying who did what to which grievance and when. The relay writes the
 * entries of a batch in one write before it removes the events from their outbox; the key makes a repeat after a crash
 * a no-op, so an entry is never missing and never doubled. Personal-data reads are added to the same collection by
 * the service layer.
 */
public class StateChangeAudit {

    public static final String COLLECTION = "audit_trail";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    public StateChangeAudit(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records the events; entries that exist already are left as they are. */
    public void record(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Document> entries = new ArrayList<>(events.size());
        for (OutboxEvent event : events) {
            entries.add(new Document("_id", event.eventId())
                .append("at", event.time() == null ? null : Date.from(event.time()))
                .append("kind", "STATE_CHANGE")
                .append("action", shortName(event.type()))
                .append("eventType", event.type())
                .append("grievanceId", event.subject())
                .append("actor", event.actor() == null ? "system" : event.actor())
                .append("service", event.source()));
        }
        try {
            mongo.getCollection(COLLECTION).insertMany(entries, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
        }
    }

    /** {@code cn.huiyin.intake.GrievanceSubmitted.v1} → {@code GrievanceSubmitted}. */
    static String shortName(String type) {
        String[] parts = type.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : type;
    }
}
