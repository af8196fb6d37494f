package cn.huiyin.triage.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.huiyin.platform.messaging.outbox.AggregateStore;
import cn.huiyin.platform.messaging.outbox.Aggregates;
import cn.huiyin.triage.application.CaseSearch;
import cn.huiyin.triage.application.TriageCases;
import cn.huiyin.triage.application.rules.RuleBook;
import cn.huiyin.triage.domain.TriageCase;
import cn.huiyin.triage.domain.TriageState;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoTriageCases implements TriageCases {

    private final Aggregates<TriageCase, TriageCaseDocument> cases;
    private final MongoTemplate mongo;

    MongoTriageCases(AggregateStore store, MongoTemplate mongo, RuleBook rules) {
        // The search flag LOW_CONFIDENCE follows the rules in force when the case was last written.
        this.cases = new Aggregates<>(store, TriageCaseDocument.class, TriageCase::id, TriageCase::pendingEvents,
            (triageCase, version) -> TriageCaseDocument.from(triageCase, version,
                rules.current().classifier().rules().confirmBelow()),
            TriageCaseDocument::toDomain);
        this.mongo = mongo;
        // The staff searches use these, on real MongoDB and the embedded server alike (ADR 0028).
        mongo.indexOps(TriageCaseDocument.class).createIndex(new Index().on("grievance.divisionCode", Sort.Direction.ASC)
            .on("grievance.submittedAt", Sort.Direction.DESC));
        mongo.indexOps(TriageCaseDocument.class).createIndex(new Index().on("leadOrganisationId", Sort.Direction.ASC)
            .on("grievance.submittedAt", Sort.Direction.DESC));
        mongo.indexOps(TriageCaseDocument.class).createIndex(new Index().on("state", Sort.Direction.ASC)
            .on("deadlines.responseDueAt", Sort.Direction.ASC));
    }

    @Override
    public boolean addIfAbsent(TriageCase triageCase) {
        return cases.addIfAbsent(triageCase);
    }

    @Override
    public Optional<TriageCase> find(String grievanceId) {
        return cases.find(grievanceId);
    }

    @Override
    public void update(TriageCase triageCase) {
        cases.update(triageCase);
    }

    @Override
    public List<TriageCase> search(CaseSearch search, Instant now, int page, int size) {
        Query query = query(search, now).with(NEWEST_FIRST).skip((long) page * size).limit(size);
        return mongo.find(query, TriageCaseDocument.class).stream().map(cases::read).toList();
    }

    @Override
    public long count(CaseSearch search, Instant now) {
        return mongo.count(query(search, now), TriageCaseDocument.class);
    }

    static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "grievance.submittedAt");

    /** The caller's reach is part of the query: cases outside it are never read. */
    static Query query(CaseSearch search, Instant now) {
        List<Criteria> criteria = new ArrayList<>();
        if (search.divisionPrefix() != null) {
            criteria.add(Criteria.where("grievance.divisionCode").regex("^" + search.divisionPrefix().replaceAll("\\D", "")));
        } else {
            criteria.add(Criteria.where("leadOrganisationId").in(search.leadOrganisations()));
        }
        if (search.state() != null) {
            criteria.add(Criteria.where("state").is(search.state()));
        }
        if (search.category() != null) {
            criteria.add(Criteria.where("classification.category").is(search.category()));
        }
        if (search.urgency() != null) {
            criteria.add(Criteria.where("classification.urgency").is(search.urgency()));
        }
        if (search.flag() != null) {
            criteria.add(switch (search.flag()) {
                case DUPLICATE -> Criteria.where("duplicateOpen").is(true);
                case LOW_CONFIDENCE -> Criteria.where("needsConfirmation").is(true);
                case JOINT_REVIEW -> Criteria.where("jointReview").is(true);
                case OVERDUE_TO_ACCEPT -> Criteria.where("state").is(TriageState.ASSIGNED)
                    .and("deadlines.responseDueAt").lt(now);
            });
        }
        return new Query(new Criteria().andOperator(criteria));
    }
}
