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
 */
public class AggregateStore {

    private static final Set<String> MANAGED_FIELDS = Set.of("_id", "version", "outbox", "_class");

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
        List<OutboxEvent> outbox = toOutbox(document.getId(), events);
        document.setVersion(0);
        document.setOutbox(new ArrayList<>(outbox));
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
     * Stores the new state of an aggregate read at {@code document.getVersion()}, and the events the change raised.
     *
     * @throws OptimisticLockingFailureException if someone else changed the aggregate since it was read
     */
    public <D extends AggregateDocument> D update(D document, List<?> events) {
        Class<?> type = document.getClass();
        String collection = mongo.getCollectionName(type);
        List<OutboxEvent> outbox = toOutbox(document.getId(), events);

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
            update.push("outbox").each(outbox.toArray());
            markers.touch(collection, document.getId());
        }

        Query current = new Query(Criteria.where("_id").is(document.getId()).and("version").is(document.getVersion()));
        UpdateResult result = mongo.updateFirst(current, update, collection);
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("%s %s was changed by someone else since version %d was read"
                .formatted(type.getSimpleName(), document.getId(), document.getVersion()));
        }
        document.setVersion(document.getVersion() + 1);
        document.getOutbox().addAll(outbox);
        if (!outbox.isEmpty()) {
            relay.schedule(collection, document.getId());
        }
        return document;
    }

    private List<OutboxEvent> toOutbox(String aggregateId, List<?> events) {
        List<OutboxEvent> outbox = new ArrayList<>(events.size());
        for (Object event : events) {
            EventCatalog.Entry entry = catalog.entryFor(event);
            String subject = entry.subject() == null ? aggregateId : entry.subject().apply(event);
            outbox.add(new OutboxEvent(UUID.randomUUID().toString(), source, entry.type(), entry.topic(), subject,
                clock.instant(), json.writeAsString(event), actor.get()));
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
