package cn.huiyin.triage.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import cn.huiyin.triage.application.InboxView;
import cn.huiyin.triage.application.Inboxes;
import cn.huiyin.triage.domain.InboxEntry;
import cn.huiyin.triage.domain.OrganisationRef;
import cn.huiyin.triage.domain.OrganisationType;
import cn.huiyin.triage.domain.Urgency;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Organisation inboxes as one small document per (organisation, case), with {@code _id = organisationId|grievanceId}.
 *
 * <p>Why this layout: an inbox is read by organisation, and writes stay one upsert or delete by {@code _id} per
 * organisation and case, in one bulk request. A page is served by the indexes below (real MongoDB and the embedded
 * server alike, ADR 0028): the organisation and status fixed, the entries come in page order, so a page reads its
 * own entries only ({@code InboxIndexesTest}). The anchored {@code _id} prefix in the filter is redundant with
 * {@code organisationId} and kept for stores written before those indexes.
 */
@Repository
class MongoInboxes implements Inboxes {

    static final String COLLECTION = "inbox";

    private final MongoCollection<Document> inbox;

    MongoInboxes(MongoTemplate mongo) {
        this.inbox = mongo.getCollection(COLLECTION);
        inbox.createIndex(Indexes.ascending("organisationId", "status", "dueAt", "grievanceId"),
            new IndexOptions().name("org_status_due_id"));
        inbox.createIndex(Indexes.ascending("organisationId", "dueAt", "grievanceId"), new IndexOptions().name("org_due_id"));
    }

    @Override
    public void sync(String grievanceId, Collection<String> previousOrganisations, List<InboxEntry> entries) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (InboxEntry entry : entries) {
            kept.add(entry.organisationId());
            String id = id(entry.organisationId(), grievanceId);
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), toDocument(id, entry), new ReplaceOptions().upsert(true)));
        }
        for (String organisationId : previousOrganisations) {
            if (!kept.contains(organisationId)) {
                writes.add(new DeleteOneModel<>(Filters.eq("_id", id(organisationId, grievanceId))));
            }
        }
        if (!writes.isEmpty()) {
            inbox.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    @Override
    public List<InboxEntry> page(String organisationId, InboxView view, Instant now, int page, int size) {
        List<InboxEntry> entries = new ArrayList<>();
        inbox.find(pageFilter(organisationId, view, now)).sort(PAGE_ORDER).skip(page * size).limit(size)
            .forEach(document -> entries.add(toEntry(document)));
        return entries;
    }

    @Override
    public Map<InboxView, Long> counts(String organisationId, Instant now) {
        Map<InboxView, Long> counts = new EnumMap<>(InboxView.class);
        for (InboxView view : InboxView.values()) {
            counts.put(view, 0L);
        }
        inbox.find(ofOrganisation(organisationId)).projection(Projections.include("status", "responseDueAt"))
            .forEach(document -> {
                InboxEntry.InboxStatus status = InboxEntry.InboxStatus.valueOf(document.getString("status"));
                Date due = document.getDate("responseDueAt");
                for (InboxView view : InboxView.values()) {
                    if (matches(view, status, due == null ? null : due.toInstant(), now)) {
                        counts.merge(view, 1L, Long::sum);
                    }
                }
            });
        return counts;
    }

    private static boolean matches(InboxView view, InboxEntry.InboxStatus status, Instant responseDueAt, Instant now) {
        return switch (view) {
            case ALL -> true;
            case ASSIGNED -> status == InboxEntry.InboxStatus.PENDING || status == InboxEntry.InboxStatus.ACCEPTED;
            case PENDING -> status == InboxEntry.InboxStatus.PENDING;
            case OVERDUE -> status == InboxEntry.InboxStatus.PENDING && responseDueAt != null && responseDueAt.isBefore(now);
            case ACCEPTED -> status == InboxEntry.InboxStatus.ACCEPTED;
            case CO_HANDLING -> status == InboxEntry.InboxStatus.CO_HANDLING;
            case RETURNED -> status == InboxEntry.InboxStatus.RETURNED;
            case RULING -> status == InboxEntry.InboxStatus.AWAITING_RULING;
        };
    }

    static final Bson PAGE_ORDER = Sorts.ascending("dueAt", "grievanceId");

    /** One view of an organisation's inbox. */
    static Bson pageFilter(String organisationId, InboxView view, Instant now) {
        return Filters.and(ofOrganisation(organisationId), inView(view, now));
    }

    /** The collection, for tests. */
    MongoCollection<Document> collection() {
        return inbox;
    }

    /** The organisation's entries, by the anchored {@code _id} prefix (see the class comment). */
    private static Bson ofOrganisation(String organisationId) {
        String literal = organisationId.replaceAll("[^A-Za-z0-9-]", "\\\\$0");
        return Filters.and(Filters.regex("_id", Pattern.compile("^" + literal + "\\|")),
            Filters.eq("organisationId", organisationId));
    }

    private static Bson inView(InboxView view, Instant now) {
        return switch (view) {
            case ALL -> new Document();
            case ASSIGNED -> Filters.in("status", "PENDING", "ACCEPTED");
            case PENDING -> Filters.eq("status", "PENDING");
            case OVERDUE -> Filters.and(Filters.eq("status", "PENDING"), Filters.lt("responseDueAt", Date.from(now)));
            case ACCEPTED -> Filters.eq("status", "ACCEPTED");
            case CO_HANDLING -> Filters.eq("status", "CO_HANDLING");
            case RETURNED -> Filters.eq("status", "RETURNED");
            case RULING -> Filters.eq("status", "AWAITING_RULING");
        };
    }

    static String id(String organisationId, String grievanceId) {
        return organisationId + "|" + grievanceId;
    }

    private static Document toDocument(String id, InboxEntry e) {
        Document lead = e.currentLead() == null ? null : new Document("id", e.currentLead().id())
            .append("name", e.currentLead().name()).append("type", e.currentLead().type().name());
        return new Document("_id", id)
            .append("organisationId", e.organisationId())
            .append("grievanceId", e.grievanceId())
            .append("status", e.status().name())
            .append("attempt", e.attempt())
            .append("category", e.category())
            .append("categoryName", e.categoryName())
            .append("urgency", e.urgency().name())
            .append("needsJointReview", e.needsJointReview())
            .append("submittedAt", date(e.submittedAt()))
            .append("assignedAt", date(e.assignedAt()))
            .append("responseDueAt", date(e.responseDueAt()))
            .append("resolutionDueAt", date(e.resolutionDueAt()))
            .append("dueAt", date(e.dueAt()))
            .append("divisionCode", e.divisionCode())
            .append("summary", e.summary())
            .append("currentLead", lead);
    }

    private static InboxEntry toEntry(Document d) {
        Document lead = d.get("currentLead", Document.class);
        return new InboxEntry(d.getString("organisationId"), d.getString("grievanceId"),
            InboxEntry.InboxStatus.valueOf(d.getString("status")), d.getInteger("attempt", 0), d.getString("category"),
            d.getString("categoryName"), Urgency.valueOf(d.getString("urgency")), d.getBoolean("needsJointReview", false),
            instant(d, "submittedAt"), instant(d, "assignedAt"), instant(d, "responseDueAt"),
            instant(d, "resolutionDueAt"), instant(d, "dueAt"), d.getString("divisionCode"), d.getString("summary"),
            lead == null ? null : new OrganisationRef(lead.getString("id"), lead.getString("name"),
                OrganisationType.valueOf(lead.getString("type"))));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
