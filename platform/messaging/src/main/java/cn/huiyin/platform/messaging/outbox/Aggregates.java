package cn.huiyin.platform.messaging.outbox;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;

/**
 * A service's aggregates of one kind kept in their documents through the {@link AggregateStore}: what a repository
 * needs beyond its own queries.
 *
 * <p>Each aggregate read is remembered with the version it was read at, so that its update is optimistic, and with
 * how many of its pending events are already stored, so that saving the same instance twice never stores an event
 * twice. The memory holds the aggregate weakly: an aggregate nobody uses any more is forgotten.
 *
 * @param <A> the aggregate, a plain domain object
 * @param <D> its document
 */
public final class Aggregates<A, D extends AggregateDocument> {

    private record Read(long version, int eventsStored) {
    }

    private final AggregateStore store;
    private final Class<D> documentType;
    private final Function<A, String> id;
    private final Function<A, List<?>> pendingEvents;
    private final BiFunction<A, Long, D> toDocument;
    private final Function<D, A> toDomain;
    private final Map<A, Read> reads = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * @param pendingEvents the events the aggregate raised since it was created or read, oldest first
     * @param toDocument    the aggregate's document at the given version
     */
    public Aggregates(AggregateStore store, Class<D> documentType, Function<A, String> id,
                      Function<A, List<?>> pendingEvents, BiFunction<A, Long, D> toDocument, Function<D, A> toDomain) {
        this.store = store;
        this.documentType = documentType;
        this.id = id;
        this.pendingEvents = pendingEvents;
        this.toDocument = toDocument;
        this.toDomain = toDomain;
    }

    /** Stores a new aggregate with its events; false, and nothing stored, if one with its id exists. */
    public boolean addIfAbsent(A aggregate) {
        List<?> events = pendingEvents.apply(aggregate);
        try {
            store.insert(toDocument.apply(aggregate, 0L), events);
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
        reads.put(aggregate, new Read(0, events.size()));
        return true;
    }

    public Optional<A> find(String aggregateId) {
        return store.findById(aggregateId, documentType).map(this::read);
    }

    /**
     * Stores the aggregate's new state and the events raised since it was read or last saved.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException if it changed since it was read
     * @throws IllegalStateException if this aggregate was not read (or added) through here
     */
    public void update(A aggregate) {
        Read read = reads.get(aggregate);
        if (read == null) {
            throw new IllegalStateException("Update of " + id.apply(aggregate) + " that was not read first");
        }
        List<?> events = pendingEvents.apply(aggregate);
        D stored = store.update(toDocument.apply(aggregate, read.version()),
            events.subList(Math.min(read.eventsStored(), events.size()), events.size()));
        reads.put(aggregate, new Read(stored.getVersion(), events.size()));
    }

    /** The aggregate in a document found by a query of the repository's own, remembered for its update. */
    public A read(D document) {
        A aggregate = toDomain.apply(document);
        reads.put(aggregate, new Read(document.getVersion(), pendingEvents.apply(aggregate).size()));
        return aggregate;
    }
}
