package cn.huiyin.intake.persistence;

import java.util.Optional;

import cn.huiyin.intake.application.Grievances;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.platform.messaging.outbox.AggregateStore;
import org.springframework.stereotype.Repository;

@Repository
class MongoGrievances implements Grievances {

    private final AggregateStore store;

    MongoGrievances(AggregateStore store) {
        this.store = store;
    }

    @Override
    public void add(Grievance grievance) {
        store.insert(GrievanceDocument.from(grievance), grievance.pendingEvents());
    }

    @Override
    public Optional<Grievance> find(String grievanceId) {
        return store.findById(grievanceId, GrievanceDocument.class).map(GrievanceDocument::toDomain);
    }
}
