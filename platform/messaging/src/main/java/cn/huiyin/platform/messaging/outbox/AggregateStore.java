package cn.huiyin.platform.messaging.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import cn.huiyin.platform.messaging.EventCatalog;
import cn.huiyin.platform.messaging.EventJson;
import cn.huiyin.platform.messaging.inbound.EventAlreadyApplied;
import cn.huiyin.platform.messaging.inbound.InboundContext;
import cn.huiyin.platform.messaging.inbound.InboundEvent;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writes aggregates together with the events their change raised, in one single-document operation each:
 * <ul>
 *   <li>{@link #insert}: the new document, its outbox already filled;</li>
 *   <li>{@link #update}: {@code $set}/{@code $unset} of the state, {@code $push} of the new events and
 *       {@code $inc} of the version, guarded by the version that was read (optimistic locking).</li>
 * </ul>
 * An update never rewrites the outbox array, and the relay only ever {@code $pull}s from it, so the two never undo
 * each other's work. A small marker (collection {@value OutboxMarkers#COLLECTION}) is written before each change so
 * that events left behind by a crash are found again without scanning the aggregates. The relay also writes every
 * event to the audit trail ({@link StateChangeAudit}) before removing it from the outbox.
 *
 * <p>Each event gets the next number of its aggregate's sequence (published as the CloudEvents extension
 * {@code sequence}, with {@code aggregateid}), so consumers can apply each once and in order. A write made while an
 * inbound event is handled ({@link InboundContext}) also records that event in the document, and is refused with
 * {@link EventAlreadyApplied} if the document already holds it: the effect and its record are one write.
 */
public class AggregateStore {

    private static final Set<String> MANAGED_FIELDS = Set.of("_id", "version", "eventSequence", "outbox",
        AppliedEvents.APPLIED, AppliedEvents.APPLIED_IDS, "_class");

    private final MongoTemplate mongo;
    private final EventCatalog catalog;
    private final EventJson json;
    private final OutboxMarkers markers;
    private final OutboxRelay relay;
    private final String source;
    private final Clock clock;
    private final Supplier<String> actor;
    private final ConcurrentMap<Class<?>, List<String>> persistentFields = new ConcurrentHashMap<>();

    public AggregateStore(MongoTemplate mongo, EventCatalog catalog, EventJson json, OutboxMarkers markers,
                          OutboxRelay relay, String source, Clock clock, Supplier<String> actor) {
        this.mongo = mongo;
        this.catalog = catalog;
        this.json = json;
        this.markers = markers;
        this.relay = relay;
        this.source = source;
        this.clock = clock;
        this.actor = actor;
    }

    public <D extends AggregateDocument> Optional<D> findById(String id, Class<D> type) {
        return Optional.ofNullable(mongo.findById(id, type));
    }

    /**
     * Stores a new aggregate and the events that created it.
     *
     * @throws org.springframework.dao.DuplicateKeyException if a document with this id exists
     */
    public <D extends AggregateDocument> D insert(D document, List<?> events) {
        String collection = mongo.getCollectionName(document.getClass());
        List<OutboxEvent> outbox = toOutbox(document.getId(), 0, events);
        document.setVersion(0);
        document.setEventSequence(outbox.size());
        document.setOutbox(new ArrayList<>(outbox));
        InboundContext.current().ifPresent(event -> AppliedEvents.recordInto(document, event));
        if (!outbox.isEmpty()) {
            markers.touch(collection, document.getId());
        }
        mongo.insert(document);
        if (!outbox.isEmpty()) {
            relay.schedule(collection, document.getId());
        }
        return document;
    }

    /**
     * Stores the new state of an aggregate read at {@code document.getVersion()} (whose event sequence then stood at
     * {@code document.getEventSequence()}), and the events the change raised.
     *
     * @throws OptimisticLockingFailureException if someone else changed the aggregate since it was read
     * @throws EventAlreadyApplied if the inbound event being handled was already applied to this aggregate
     */
    @SuppressWarnings("unchecked")
    public <D extends AggregateDocument> D update(D document, List<?> events) {
        Class<?> type = document.getClass();
        String collection = mongo.getCollectionName(type);
        List<OutboxEvent> outbox = toOutbox(document.getId(), document.getEventSequence(), events);
        InboundEvent<?> inbound = InboundContext.current().orElse(null);

        Document state = new Document();
        mongo.getConverter().write(document, state);
        Update update = new Update();
        state.forEach((field, value) -> {
            if (!MANAGED_FIELDS.contains(field)) {
                update.set(field, value);
            }
        });
        for (String field : persistentFields(type)) {
            if (!state.containsKey(field) && !MANAGED_FIELDS.contains(field)) {
                update.unset(field);
            }
        }
        update.inc("version", 1);
        if (!outbox.isEmpty()) {
            update.set("eventSequence", document.getEventSequence() + outbox.size());
            update.push("outbox").each(outbox.toArray());
            markers.touch(collection, document.getId());
        }
        Criteria read = Criteria.where("_id").is(document.getId()).and("version").is(document.getVersion());
        if (inbound != null) {
            AppliedEvents.record(update, inbound);
            read = AppliedEvents.notYetApplied(read, inbound);
        }

        UpdateResult result = mongo.updateFirst(new Query(read), update, collection);
        if (result.getMatchedCount() == 0) {
            D stored = inbound == null ? null : mongo.findById(document.getId(), (Class<D>) type);
            if (stored != null && AppliedEvents.isApplied(stored, inbound)) {
                throw new EventAlreadyApplied(type.getSimpleName() + " " + document.getId(), inbound.id());
            }
            throw new OptimisticLockingFailureException("%s %s was changed by someone else since version %d was read"
                .formatted(type.getSimpleName(), document.getId(), document.getVersion()));
        }
        document.setVersion(document.getVersion() + 1);
        document.setEventSequence(document.getEventSequence() + outbox.size());
        document.getOutbox().addAll(outbox);
        if (inbound != null) {
            AppliedEvents.recordInto(document, inbound);
        }
        if (!outbox.isEmpty()) {
            relay.schedule(collection, document.getId());
        }
        return document;
    }

    /** Whether the inbound event being handled on this thread was already applied to {@code document}. */
    public static boolean appliedCurrentEvent(AggregateDocument document) {
        return InboundContext.current().map(event -> AppliedEvents.isApplied(document, event)).orElse(false);
    }

    /**
     * Whether {@code document} has applied {@code event}: for a writer that stores many documents at once outside a
     * handler (a projection rebuilt from history), so that its documents remember events exactly as a handler's
     * writes do.
     */
    public static boolean hasApplied(AggregateDocument document, InboundEvent<?> event) {
        return AppliedEvents.isApplied(document, event);
    }

    /** Records {@code event} as applied in {@code document}, as a write inside a handler would (see {@link #hasApplied}). */
    public static void markApplied(AggregateDocument document, InboundEvent<?> event) {
        AppliedEvents.recordInto(document, event);
    }

    private List<OutboxEvent> toOutbox(String aggregateId, long sequenceBefore, List<?> events) {
        List<OutboxEvent> outbox = new ArrayList<>(events.size());
        long sequence = sequenceBefore;
        for (Object event : events) {
            EventCatalog.Entry entry = catalog.entryFor(event);
            String subject = entry.subject() == null ? aggregateId : entry.subject().apply(event);
            outbox.add(new OutboxEvent(UUID.randomUUID().toString(), source, entry.type(), entry.topic(), subject,
                clock.instant(), json.writeAsString(event), actor.get(), aggregateId, ++sequence));
        }
        return outbox;
    }

    private List<String> persistentFields(Class<?> type) {
        return persistentFields.computeIfAbsent(type, t -> {
            MongoPersistentEntity<?> entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(t);
            List<String> fields = new ArrayList<>();
            entity.doWithProperties(
                (org.springframework.data.mapping.PropertyHandler<org.springframework.data.mongodb.core.mapping.MongoPersistentProperty>)
                    property -> fields.add(property.getFieldName()));
            return List.copyOf(fields);
        });
    }
}
