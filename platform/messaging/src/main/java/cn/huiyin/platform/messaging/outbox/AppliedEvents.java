package cn.huiyin.platform.messaging.outbox;

import java.util.List;

import cn.huiyin.platform.messaging.inbound.InboundEvent;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * How an aggregate document remembers the inbound events it applied, in the same write as their effect.
 *
 * <p>An event from a producer that numbers its events (CloudEvents {@code sequence} + {@code aggregateid}) is
 * remembered as the highest sequence applied per producing aggregate: exact and bounded however many events arrive,
 * and an old event replayed after a newer one (a dead letter replayed late) is recognised as already superseded. An
 * event without a sequence is remembered by id among the latest {@value #IDS_KEPT}.
 */
final class AppliedEvents {

    static final String APPLIED = "applied";
    static final String APPLIED_IDS = "appliedEventIds";
    static final int IDS_KEPT = 64;

    private AppliedEvents() {
    }

    /** Where the sequence of {@code event}'s producing aggregate is kept: a field name MongoDB accepts. */
    static String key(InboundEvent<?> event) {
        return (event.source() + "|" + event.aggregateId()).replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static boolean sequenced(InboundEvent<?> event) {
        return event.sequence() != null && event.aggregateId() != null;
    }

    static boolean isApplied(AggregateDocument document, InboundEvent<?> event) {
        if (sequenced(event)) {
            Long applied = document.getApplied().get(key(event));
            return applied != null && applied >= event.sequence();
        }
        return document.getAppliedEventIds().contains(event.id());
    }

    /** Marks {@code event} applied in a document about to be inserted. */
    static void recordInto(AggregateDocument document, InboundEvent<?> event) {
        if (sequenced(event)) {
            document.getApplied().put(key(event), event.sequence());
        } else {
            List<String> ids = document.getAppliedEventIds();
            ids.add(event.id());
            if (ids.size() > IDS_KEPT) {
                ids.subList(0, ids.size() - IDS_KEPT).clear();
            }
        }
    }

    /**
     * Narrows an update's filter to documents that have still to apply {@code event}. The condition sits beside the
     * filter's {@code _id}, so a server that narrows by the {@code _id} index still can.
     */
    static Criteria notYetApplied(Criteria filter, InboundEvent<?> event) {
        if (sequenced(event)) {
            String field = APPLIED + "." + key(event);
            return filter.orOperator(Criteria.where(field).exists(false), Criteria.where(field).lt(event.sequence()));
        }
        return filter.and(APPLIED_IDS).ne(event.id());
    }

    /** Adds the memory of {@code event} to an update. */
    static void record(Update update, InboundEvent<?> event) {
        if (sequenced(event)) {
            update.set(APPLIED + "." + key(event), event.sequence());
        } else {
            update.push(APPLIED_IDS).slice(-IDS_KEPT).each(event.id());
        }
    }
}
