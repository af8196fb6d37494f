package cn.huiyin.platform.service.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.huiyin.platform.messaging.outbox.StateChangeAudit;
import cn.huiyin.platform.service.security.CurrentUser;
import cn.huiyin.platform.service.security.HuiyinUser;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The audit trail of a service (留痕): append-only entries for every state change (written by the outbox, see
 * {@link StateChangeAudit}) and every read of personal data (written here, before the data is returned: no entry, no
 * data). Nothing in Huiyin updates or deletes an entry.
 */
public class AuditTrail {

    public static final String PERSONAL_DATA_READ = "PERSONAL_DATA_READ";
    public static final String STATE_CHANGE = "STATE_CHANGE";
    public static final String EXPORT = "EXPORT";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String service;

    public AuditTrail(MongoTemplate mongo, Clock clock, String service) {
        this.mongo = mongo;
        this.clock = clock;
        this.service = service;
        mongo.indexOps(StateChangeAudit.COLLECTION).createIndex(new Index().on("grievanceId", Sort.Direction.ASC));
        mongo.indexOps(StateChangeAudit.COLLECTION).createIndex(new Index().on("at", Sort.Direction.DESC));
    }

    /**
     * Records that the caller is about to see a worker's personal data.
     *
     * @param fields which data, e.g. {@code mobile}, {@code residentId}
     * @param reason why, as the caller stated it (e.g. "回访联系")
     */
    public void personalDataRead(String grievanceId, List<String> fields, String reason) {
        append(PERSONAL_DATA_READ, "personal-data.read", grievanceId, Map.of("fields", fields, "reason", reason));
    }

    public void exported(String description) {
        append(EXPORT, "audit.exported", null, Map.of("reason", description));
    }

    private void append(String kind, String action, String grievanceId, Map<String, Object> details) {
        HuiyinUser user = CurrentUser.get().orElse(null);
        Document entry = new Document("_id", UUID.randomUUID().toString())
            .append("at", Date.from(clock.instant()))
            .append("kind", kind)
            .append("action", action)
            .append("grievanceId", grievanceId)
            .append("actor", user == null ? "system" : user.username())
            .append("actorOrg", user == null ? null : user.org())
            .append("actorRoles", user == null ? List.of() : new ArrayList<>(user.roles()))
            .append("service", "/huiyin/" + service);
        details.forEach(entry::append);
        mongo.getCollection(StateChangeAudit.COLLECTION).insertOne(entry);
    }

    /** Entries matching the filter, newest first. */
    public List<AuditEntry> find(AuditFilter filter, int page, int size) {
        Query query = filter.toQuery().with(Sort.by(Sort.Direction.DESC, "at")).skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, StateChangeAudit.COLLECTION).stream().map(AuditEntry::of).toList();
    }

    public long count(AuditFilter filter) {
        return mongo.count(filter.toQuery(), StateChangeAudit.COLLECTION);
    }

    /**
     * What to look for; every part is optional.
     *
     * @param kind {@value #STATE_CHANGE}, {@value #PERSONAL_DATA_READ} or {@value #EXPORT}
     */
    public record AuditFilter(String grievanceId, String actor, String kind, String action, Instant from, Instant to) {

        Query toQuery() {
            Criteria criteria = new Criteria();
            List<Criteria> parts = new ArrayList<>();
            if (grievanceId != null) {
                parts.add(Criteria.where("grievanceId").is(grievanceId));
            }
            if (actor != null) {
                parts.add(Criteria.where("actor").is(actor));
            }
            if (kind != null) {
                parts.add(Criteria.where("kind").is(kind));
            }
            if (action != null) {
                parts.add(Criteria.where("action").is(action));
            }
            if (from != null) {
                parts.add(Criteria.where("at").gte(Date.from(from)));
            }
            if (to != null) {
                parts.add(Criteria.where("at").lt(Date.from(to)));
            }
            return new Query(parts.isEmpty() ? criteria : criteria.andOperator(parts));
        }
    }
}
