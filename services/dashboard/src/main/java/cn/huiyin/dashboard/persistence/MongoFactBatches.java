package cn.huiyin.dashboard.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.huiyin.dashboard.application.rebuild.EventIdentity;
import cn.huiyin.dashboard.application.rebuild.FactBatches;
import cn.huiyin.dashboard.domain.fact.CaseFact;
import cn.huiyin.platform.messaging.inbound.InboundEvent;
import cn.huiyin.platform.messaging.outbox.AggregateStore;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Facts written a batch at a time by a rebuild, the only writer of its generation until it goes live: each document
 * is replaced whole (one bulk request per batch), with the events it applied remembered the way the aggregate store
 * remembers them, so that live consumers recognise them after the hand-over.
 */
@Repository
class MongoFactBatches implements FactBatches {

    private final MongoTemplate mongo;

    MongoFactBatches(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, BatchFact> load(String generation, Collection<String> grievanceIds) {
        Map<String, String> byId = new HashMap<>();
        grievanceIds.forEach(id -> byId.put(FactDocument.id(generation, id), id));
        Map<String, BatchFact> loaded = new LinkedHashMap<>();
        if (byId.isEmpty()) {
            return loaded;
        }
        List<FactDocument> found = mongo.find(new Query(Criteria.where("_id").in(byId.keySet())), FactDocument.class);
        found.forEach(document -> loaded.put(document.grievanceId, new Batched(document)));
        return loaded;
    }

    @Override
    public BatchFact create(String generation, String grievanceId) {
        FactDocument document = new FactDocument();
        document.setId(FactDocument.id(generation, grievanceId));
        document.generation = generation;
        document.grievanceId = grievanceId;
        document.fact = new CaseFact(grievanceId);
        document.pending = new LinkedHashMap<>();
        return new Batched(document);
    }

    @Override
    public void store(Collection<BatchFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FactDocument.class);
        for (BatchFact fact : facts) {
            FactDocument document = ((Batched) fact).document;
            document.derive();
            document.setVersion(document.getVersion() + 1);
            bulk.replaceOne(new Query(Criteria.where("_id").is(document.getId())), document,
                FindAndReplaceOptions.options().upsert());
        }
        bulk.execute();
    }

    private record Batched(FactDocument document) implements BatchFact {

        @Override
        public CaseFact fact() {
            return document.fact;
        }

        @Override
        public boolean hasApplied(EventIdentity event) {
            return AggregateStore.hasApplied(document, inbound(event));
        }

        @Override
        public void markApplied(EventIdentity event) {
            AggregateStore.markApplied(document, inbound(event));
        }

        private static InboundEvent<Void> inbound(EventIdentity event) {
            return new InboundEvent<>(event.id(), event.source(), event.type(), event.subject(), event.time(), null,
                event.aggregateId(), event.sequence(), null);
        }
    }
}
