package cn.huiyin.followup.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.huiyin.followup.application.CaseFiles;
import cn.huiyin.followup.application.ConcurrentChange;
import cn.huiyin.followup.application.Page;
import cn.huiyin.followup.domain.casefile.CaseFile;
import cn.huiyin.followup.domain.casefile.CaseStatus;
import cn.huiyin.followup.domain.supervision.Card;
import cn.huiyin.platform.messaging.outbox.AggregateStore;
import cn.huiyin.platform.messaging.outbox.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Case files in MongoDB. Writes go by {@code _id} (with the version for optimistic locking). Real MongoDB serves the
 * scan and the lists from the indexes declared here; the embedded server keeps no secondary index and scans (ADR 0005,
 * figures in docs/benchmarks.md).
 */
@Repository
class MongoCaseFiles implements CaseFiles {

    private final Aggregates<CaseFile, CaseFileDocument> cases;
    private final MongoTemplate mongo;

    MongoCaseFiles(AggregateStore store, MongoTemplate mongo) {
        this.cases = new Aggregates<>(store, CaseFileDocument.class, CaseFile::id, CaseFile::pendingEvents,
            CaseFileDocument::from, CaseFileDocument::toDomain);
        this.mongo = mongo;
        var indexes = mongo.indexOps(CaseFileDocument.class);
        indexes.createIndex(new Index().on("nextDueAt", Sort.Direction.ASC).named("next_due"));
        indexes.createIndex(new Index().on("handlerIds", Sort.Direction.ASC).on("activeDueAt", Sort.Direction.ASC)
            .named("handler_due"));
        indexes.createIndex(new Index().on("escalated", Sort.Direction.ASC).on("divisionCode", Sort.Direction.ASC)
            .on("lastEscalatedAt", Sort.Direction.DESC).named("escalations"));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("callbackDueAt", Sort.Direction.ASC)
            .named("callbacks_due"));
        indexes.createIndex(new Index().on("retaliationDueAt", Sort.Direction.ASC).named("retaliation_due"));
    }

    @Override
    public boolean addIfAbsent(CaseFile caseFile) {
        return cases.addIfAbsent(caseFile);
    }

    @Override
    public Optional<CaseFile> find(String grievanceId) {
        return cases.find(grievanceId);
    }

    @Override
    public void update(CaseFile caseFile) {
        try {
            cases.update(caseFile);
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentChange(caseFile.id());
        }
    }

    @Override
    public List<String> dueForSupervision(Instant now, int limit) {
        List<String> ids = new ArrayList<>();
        mongo.getCollection(mongo.getCollectionName(CaseFileDocument.class))
            .find(Filters.lte("nextDueAt", Date.from(now))).projection(Projections.include("_id")).limit(limit)
            .forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    @Override
    public Page<CaseFile> handledBy(String organisationId, String divisionPrefix, Set<CaseStatus> statuses, int page,
                                    int size) {
        Criteria criteria = Criteria.where("handlerIds").is(organisationId).and("status").in(statuses)
            .and("divisionCode").regex(anchored(divisionPrefix));
        return page(criteria, Sort.by(Sort.Order.asc("activeDueAt"), Sort.Order.asc("_id")), page, size);
    }

    @Override
    public Page<CaseFile> escalated(String divisionPrefix, Card card, int page, int size) {
        Criteria criteria = Criteria.where("escalated").is(true).and("divisionCode").regex(anchored(divisionPrefix));
        if (card != null) {
            criteria = criteria.and("card").is(card);
        }
        return page(criteria, Sort.by(Sort.Order.desc("lastEscalatedAt"), Sort.Order.asc("_id")), page, size);
    }

    @Override
    public Page<CaseFile> callbacksDue(String divisionPrefix, Instant dueBy, int page, int size) {
        Criteria criteria = Criteria.where("status").is(CaseStatus.RESOLVED).and("callbackDueAt").lte(dueBy)
            .and("divisionCode").regex(anchored(divisionPrefix));
        return page(criteria, Sort.by(Sort.Order.asc("callbackDueAt"), Sort.Order.asc("_id")), page, size);
    }

    @Override
    public Page<CaseFile> retaliationChecksDue(String divisionPrefix, Instant dueBy, int page, int size) {
        Criteria criteria = Criteria.where("retaliationDueAt").lte(dueBy).and("divisionCode")
            .regex(anchored(divisionPrefix));
        return page(criteria, Sort.by(Sort.Order.asc("retaliationDueAt"), Sort.Order.asc("_id")), page, size);
    }

    private Page<CaseFile> page(Criteria criteria, Sort sort, int page, int size) {
        Query query = new Query(criteria);
        long total = mongo.count(query, CaseFileDocument.class);
        List<CaseFile> items = mongo.find(query.with(sort).skip((long) page * size).limit(size), CaseFileDocument.class)
            .stream().map(cases::read).toList();
        return new Page<>(items, page, size, total);
    }

    /** A division prefix as an anchored pattern (digits only, so nothing else can reach the regex). */
    static String anchored(String divisionPrefix) {
        return "^" + divisionPrefix.replaceAll("\\D", "");
    }
}
