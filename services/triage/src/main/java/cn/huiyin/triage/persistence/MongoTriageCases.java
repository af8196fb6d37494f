package cn.huiyin.triage.persistence;

import java.util.Optional;

import cn.huiyin.platform.messaging.outbox.AggregateStore;
import cn.huiyin.triage.application.TriageCases;
import cn.huiyin.triage.domain.TriageCase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class MongoTriageCases implements TriageCases {

    private final AggregateStore store;

    MongoTriageCases(AggregateStore store) {
        this.store = store;
    }

    @Override
    public boolean addIfAbsent(TriageCase triageCase) {
        try {
            store.insert(TriageCaseDocument.from(triageCase), triageCase.pendingEvents());
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    @Override
    public Optional<TriageCase> find(String grievanceId) {
        return store.findById(grievanceId, TriageCaseDocument.class).map(TriageCaseDocument::toDomain);
    }
}
