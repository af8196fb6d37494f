package cn.huiyin.platform.service.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.huiyin.platform.kernel.access.Caller;
import cn.huiyin.platform.kernel.access.Roles;
import cn.huiyin.platform.messaging.outbox.StateChangeAudit;
import cn.huiyin.platform.service.security.CurrentUser;
import cn.huiyin.platform.service.security.HuiyinUser;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The audit trail of a service (留痕): append-only entries for every state change (written by the outbox, see
 * {@link StateChangeAudit}) and every read of personal data (written here, before the data is returned: no entry, no
 * data). Nothing in Huiyin updates or deletes what an entry says.
 *
 * <p>Each entry carries the division code of the grievance it is about ({@code divisionCode}; for an export, the
 * exporter's jurisdiction), so a supervisor's search and export hold their own jurisdiction only: the scope is part
 * of the query. Entries the outbox writes know only the grievance; their division is looked up through the service's
 * {@link AuditScopes} before a scoped search runs, and stamped on the entry.
 */
public class AuditTrail {

    public static final String PERSONAL_DATA_READ = "PERSONAL_DATA_READ";
    public static final String STATE_CHANGE = "STATE_CHANGE";
    public static final String EXPORT = "EXPORT";

    /** Marks an entry whose grievance this service does not know: only administrators see it. */
    static final String UNSCOPED = "-";
    private static final int STAMP_BATCH = 500;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String service;
    private final AuditScopes scopes;

    public AuditTrail(MongoTemplate mongo, Clock clock, String service, AuditScopes scopes) {
        this.mongo = mongo;
        this.clock = clock;
        this.service = service;
        this.scopes = scopes;
        mongo.indexOps(StateChangeAudit.COLLECTION).createIndex(new Index().on("grievanceId", Sort.Direction.ASC));
        mongo.indexOps(StateChangeAudit.COLLECTION).createIndex(new Index().on("at", Sort.Direction.DESC));
        mongo.indexOps(StateChangeAudit.COLLECTION).createIndex(new Index().on("divisionCode", Sort.Direction.ASC)
            .on("at", Sort.Direction.DESC));
    }

    /**
     * Records that the caller is about to see a worker's personal data.
     *
     * @param fields which data, e.g. {@code mobile}, {@code residentId}
     * @param reason why, as the caller stated it (e.g. "回访联系")
     */
    public void personalDataRead(String grievanceId, List<String> fields, String reason) {
        personalDataRead(grievanceId, null, fields, reason);
    }

    /** As {@link #personalDataRead(String, List, String)}, where the grievance's place is at hand. */
    public void personalDataRead(String grievanceId, String divisionCode, List<String> fields, String reason) {
        append(PERSONAL_DATA_READ, "personal-data.read", grievanceId, divisionCode,
            Map.of("fields", fields, "reason", reason));
    }

    /** Records an export, scoped to the exporter's own jurisdiction. */
    public void exported(String description) {
        HuiyinUser user = CurrentUser.get().orElse(null);
        String jurisdiction = user == null ? null : user.caller().jurisdiction().code();
        append(EXPORT, "audit.exported", null, jurisdiction == null ? UNSCOPED : jurisdiction,
            Map.of("reason", description));
    }

    private void append(String kind, String action, String grievanceId, String divisionCode,
                        Map<String, Object> details) {
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
        if (divisionCode != null) {
            entry.append("divisionCode", divisionCode);
        }
        details.forEach(entry::append);
        mongo.getCollection(StateChangeAudit.COLLECTION).insertOne(entry);
    }

    /** Entries matching the filter that the caller may see, newest first. */
    public List<AuditEntry> find(AuditFilter filter, Caller caller, int page, int size) {
        Query query = scoped(filter, caller);
        if (query == null) {
            return List.of();
        }
        query.with(Sort.by(Sort.Direction.DESC, "at")).skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, StateChangeAudit.COLLECTION).stream().map(AuditEntry::of).toList();
    }

    public long count(AuditFilter filter, Caller caller) {
        Query query = scoped(filter, caller);
        return query == null ? 0 : mongo.count(query, StateChangeAudit.COLLECTION);
    }

    /**
     * Hands every entry matching the filter that the caller may see to {@code sink}, newest first, one at a time from
     * a database cursor: an export of a hundred thousand entries never holds them all in memory.
     */
    public void export(AuditFilter filter, Caller caller, Consumer<AuditEntry> sink) {
        Query query = scoped(filter, caller);
        if (query == null) {
            return;
        }
        query.with(Sort.by(Sort.Direction.DESC, "at")).cursorBatchSize(500);
        try (Stream<Document> entries = mongo.stream(query, Document.class, StateChangeAudit.COLLECTION)) {
            entries.forEach(entry -> sink.accept(AuditEntry.of(entry)));
        }
    }

    /**
     * The filter within the caller's reach: administrators see everything, supervisors their jurisdiction (entries
     * about grievances there, exports by people there); null when the caller may see nothing.
     */
    private Query scoped(AuditFilter filter, Caller caller) {
        Criteria criteria = filter.toCriteria();
        if (caller.has(Roles.ADMIN)) {
            return new Query(criteria);
        }
        String prefix = caller.jurisdiction().prefix();
        if (!caller.has(Roles.SUPERVISOR) || prefix == null) {
            return null;
        }
        stampDivisions();
        return new Query(new Criteria().andOperator(criteria,
            Criteria.where("divisionCode").regex("^" + Pattern.quote(prefix))));
    }

    /** Gives entries written by the outbox the division of their grievance, so a scoped query finds them. */
    private void stampDivisions() {
        Query unstamped = new Query(Criteria.where("divisionCode").exists(false)).limit(STAMP_BATCH);
        while (true) {
            List<Document> batch = mongo.find(unstamped, Document.class, StateChangeAudit.COLLECTION);
            for (Document entry : batch) {
                String grievanceId = entry.getString("grievanceId");
                String division = grievanceId == null || scopes == null ? UNSCOPED
                    : scopes.divisionOf(grievanceId).orElse(UNSCOPED);
                mongo.updateFirst(new Query(Criteria.where("_id").is(entry.get("_id"))),
                    new Update().set("divisionCode", division), StateChangeAudit.COLLECTION);
            }
            if (batch.size() < STAMP_BATCH) {
                return;
            }
        }
    }

    /**
     * What to look for; every part is optional.
     *
     * @param kind {@value #STATE_CHANGE}, {@value #PERSONAL_DATA_READ} or {@value #EXPORT}
     */
    public record AuditFilter(String grievanceId, String actor, String kind, String action, Instant from, Instant to) {

        Criteria toCriteria() {
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
            return parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts);
        }
    }
}
