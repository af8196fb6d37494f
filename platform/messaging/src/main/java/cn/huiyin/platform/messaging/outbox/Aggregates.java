package cn.huiyin.platform.messaging.outbox;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

import cn.huiyin.platform.messaging.inbound.EventAlreadyApplied;
import cn.huiyin.platform.messaging.inbound.InboundContext;

import org.springframework.dao.DuplicateKeyException;

/**
 * A service's aggregates of one kind kept in their documents through the {@link AggregateStore}: what a repository
 * needs beyond its own queries.
 *
 * <p>Each aggregate read is remembered with the version it was read at, so that its update is optimistic, and with
 * how many of its pending events are already stored, so that saving the same instance twice never stores an event
 * twice, and with its event sequence. The memory holds the aggregate weakly: an aggregate nobody uses any more is
 * forgotten.
 *
 * <p>Event handlers change an aggregate with {@link #apply}: an event the aggregate already applied (a redelivery)
 * changes nothing, and the record of the event is written together with its effect (see {@link AggregateStore}).
 *
 * @param <A> the aggregate, a plain domain object
 * @param <D> its document
 */
public final class Aggregates<A, D extends AggregateDocument> {

    private record Read(long version, int eventsStored, long sequence, boolean appliedCurrentEvent) {
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
            store.findById(id.apply(aggregate), documentType).filter(AggregateStore::appliedCurrentEvent)
                .ifPresent(stored -> InboundContext.noteAlreadyApplied());
            return false;
        }
        reads.put(aggregate, new Read(0, events.size(), events.size(), InboundContext.current().isPresent()));
        return true;
    }

    public Optional<A> find(String aggregateId) {
        return store.findById(aggregateId, documentType).map(this::read);
    }

    /**
     * Applies an inbound event's effect to one aggregate: reads it, changes it unless it already applied the event
     * being handled, and stores it with the event recorded in the same write.
     *
     * @return false if there is no such aggregate or it had already applied the event (nothing changed)
     * @throws org.springframework.dao.OptimisticLockingFailureException if it changed meanwhile (retry the event)
     */
    public boolean apply(String aggregateId, Consumer<A> change) {
        Optional<A> found = find(aggregateId);
        if (found.isEmpty()) {
            return false;
        }
        if (hasAppliedCurrentEvent(found.get())) {
            InboundContext.noteAlreadyApplied();
            return false;
        }
        change.accept(found.get());
        try {
            update(found.get());
        } catch (EventAlreadyApplied meanwhile) {
            InboundContext.noteAlreadyApplied();
            return false;
        }
        return true;
    }

    /** Whether the aggregate, as read, had already applied the inbound event being handled on this thread. */
    public boolean hasAppliedCurrentEvent(A aggregate) {
        Read read = reads.get(aggregate);
        return read != null && read.appliedCurrentEvent();
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
        D document = toDocument.apply(aggregate, read.version());
        document.setEventSequence(read.sequence());
        D stored = store.update(document, events.subList(Math.min(read.eventsStored(), events.size()), events.size()));
        reads.put(aggregate, new Read(stored.getVersion(), events.size(), stored.getEventSequence(),
            InboundContext.current().isPresent()));
    }

    /** The aggregate in a document found by a query of the repository's own, remembered for its update. */
    public A read(D document) {
        A aggregate = toDomain.apply(document);
        reads.put(aggregate, new Read(document.getVersion(), pendingEvents.apply(aggregate).size(),
            document.getEventSequence(), AggregateStore.appliedCurrentEvent(document)));
        return aggregate;
    }
}
