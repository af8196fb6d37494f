package cn.huiyin.dashboard.persistence;

import java.util.List;
import java.util.Optional;

import cn.huiyin.dashboard.application.projection.ConcurrentFactChange;
import cn.huiyin.dashboard.application.projection.FactStore;
import cn.huiyin.dashboard.application.projection.StoredFact;
import cn.huiyin.platform.messaging.outbox.AggregateStore;
import cn.huiyin.platform.messaging.outbox.Aggregates;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Facts in MongoDB through the platform's aggregate store: each event's change of a fact is one write by {@code _id}
 * that also records the event (and the fact's pending cell work, see {@code ProjectEvents}).
 */
@Repository
class MongoFacts implements FactStore {

    private final Aggregates<StoredFact, FactDocument> facts;
    private final MongoTemplate mongo;

    MongoFacts(AggregateStore store, MongoTemplate mongo) {
        this.facts = new Aggregates<>(store, FactDocument.class,
            fact -> FactDocument.id(fact.generation(), fact.grievanceId()), fact -> List.of(), FactDocument::from,
            FactDocument::toDomain);
        this.mongo = mongo;
    }

    @Override
    public Optional<StoredFact> find(String generation, String grievanceId) {
        return facts.find(FactDocument.id(generation, grievanceId));
    }

    @Override
    public boolean hasAppliedCurrentEvent(StoredFact fact) {
        return facts.hasAppliedCurrentEvent(fact);
    }

    @Override
    public boolean addIfAbsent(StoredFact fact) {
        return facts.addIfAbsent(fact);
    }

    @Override
    public void update(StoredFact fact) {
        try {
            facts.update(fact);
        } catch (OptimisticLockingFailureException conflict) {
            throw new ConcurrentFactChange(fact.grievanceId(), conflict);
        }
    }

    @Override
    public void confirm(String generation, String grievanceId, String slot, long offset) {
        String field = "pending." + slot;
        mongo.updateFirst(new Query(Criteria.where("_id").is(FactDocument.id(generation, grievanceId))
            .and(field + ".offset").is(offset)), new Update().unset(field), FactDocument.class);
    }

}
