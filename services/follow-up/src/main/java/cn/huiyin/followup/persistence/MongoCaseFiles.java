package cn.huiyin.followup.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.huiyin.followup.application.CaseFiles;
import cn.huiyin.followup.application.ConcurrentChange;
import cn.huiyin.followup.application.DueCheck;
import cn.huiyin.followup.application.Page;
import cn.huiyin.followup.domain.casefile.CaseFile;
import cn.huiyin.followup.domain.casefile.CaseStatus;
import cn.huiyin.followup.domain.supervision.Card;
import cn.huiyin.platform.messaging.outbox.AggregateStore;
import cn.huiyin.platform.messaging.outbox.Aggregates;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Case files in MongoDB. Writes go by {@code _id} (with the version for optimistic locking); the supervision scan reads
 * the small {@link DueIndex} ({@code cases_due}) kept beside them. The lists are served from the indexes declared
 * here, by real MongoDB and the embedded server alike (ADR 0028; {@code CaseFileIndexesTest} checks their plans).
 */
@Repository
class MongoCaseFiles implements CaseFiles {

    private final Aggregates<CaseFile, CaseFileDocument> cases;
    private final MongoTemplate mongo;
    private final DueIndex due;

    MongoCaseFiles(AggregateStore store, MongoTemplate mongo) {
        this.cases = new Aggregates<>(store, CaseFileDocument.class, CaseFile::id, CaseFile::pendingEvents,
            CaseFileDocument::from, CaseFileDocument::toDomain);
        this.mongo = mongo;
        this.due = new DueIndex(mongo, "cases_due");
        var indexes = mongo.indexOps(CaseFileDocument.class);
        // With the status second, a handler's list reads its open cases only: closed ones (most, after a year) have
        // no active deadline and would sort first in (handlerIds, activeDueAt). Replaces handler_due.
        indexes.createIndex(new Index().on("handlerIds", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
            .on("activeDueAt", Sort.Direction.ASC).named("handler_status_due"));
        indexes.createIndex(new Index().on("escalated", Sort.Direction.ASC).on("divisionCode", Sort.Direction.ASC)
            .on("lastEscalatedAt", Sort.Direction.DESC).named("escalations"));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("callbackDueAt", Sort.Direction.ASC)
            .named("callbacks_due"));
        indexes.createIndex(new Index().on("retaliationDueAt", Sort.Direction.ASC).named("retaliation_due"));
        indexes.createIndex(new Index().on("extensionPendingSince", Sort.Direction.ASC).sparse()
            .named("extensions_pending"));
    }

    @Override
    public boolean addIfAbsent(CaseFile caseFile) {
        due.touch(caseFile.id(), caseFile.nextSupervisionAt().orElse(null));
        return cases.addIfAbsent(caseFile);
    }

    @Override
    public Optional<CaseFile> find(String grievanceId) {
        return cases.find(grievanceId);
    }

    @Override
    public void update(CaseFile caseFile) {
        due.touch(caseFile.id(), caseFile.nextSupervisionAt().orElse(null));
        store(caseFile);
    }

    @Override
    public List<DueCheck> dueForSupervision(Instant now, int limit) {
        return due.due(now, limit);
    }

    @Override
    public void updateSupervised(CaseFile caseFile, DueCheck check) {
        store(caseFile);
        due.settle(check, caseFile.nextSupervisionAt().orElse(null));
    }

    @Override
    public void forget(DueCheck check) {
        due.settle(check, null);
    }

    private void store(CaseFile caseFile) {
        try {
            cases.update(caseFile);
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentChange(caseFile.id(), e);
        }
    }

    @Override
    public Page<CaseFile> handledBy(String organisationId, String divisionPrefix, Set<CaseStatus> statuses, int page,
                                    int size) {
        return page(handledByQuery(organisationId, divisionPrefix, statuses), page, size);
    }

    /** A handler's list (我的案件), soonest due first: index {@code handler_status_due}, one scan per status, merged. */
    static Query handledByQuery(String organisationId, String divisionPrefix, Set<CaseStatus> statuses) {
        Criteria criteria = Criteria.where("handlerIds").is(organisationId).and("status").in(statuses)
            .and("divisionCode").regex(anchored(divisionPrefix));
        return new Query(criteria).with(Sort.by(Sort.Order.asc("activeDueAt"), Sort.Order.asc("_id")));
    }

    @Override
    public Page<CaseFile> escalated(String divisionPrefix, Card card, int page, int size) {
        return page(escalatedQuery(divisionPrefix, card), page, size);
    }

    /** The supervision office's list of escalated cases, latest first: index {@code escalations}. */
    static Query escalatedQuery(String divisionPrefix, Card card) {
        Criteria criteria = Criteria.where("escalated").is(true).and("divisionCode").regex(anchored(divisionPrefix));
        if (card != null) {
            criteria = criteria.and("card").is(card);
        }
        return new Query(criteria).with(Sort.by(Sort.Order.desc("lastEscalatedAt"), Sort.Order.asc("_id")));
    }

    @Override
    public Page<CaseFile> awaitingExtensionDecision(String divisionPrefix, int page, int size) {
        return page(awaitingExtensionQuery(divisionPrefix), page, size);
    }

    /** Extension requests awaiting a decision, longest waiting first: index {@code extensions_pending}. */
    static Query awaitingExtensionQuery(String divisionPrefix) {
        Criteria criteria = Criteria.where("extensionPendingSince").gte(Instant.EPOCH).and("divisionCode")
            .regex(anchored(divisionPrefix));
        return new Query(criteria).with(Sort.by(Sort.Order.asc("extensionPendingSince"), Sort.Order.asc("_id")));
    }

    @Override
    public Page<CaseFile> callbacksDue(String divisionPrefix, Instant dueBy, int page, int size) {
        return page(callbacksDueQuery(divisionPrefix, dueBy), page, size);
    }

    /** Callbacks due: index {@code callbacks_due}. */
    static Query callbacksDueQuery(String divisionPrefix, Instant dueBy) {
        Criteria criteria = Criteria.where("status").is(CaseStatus.RESOLVED).and("callbackDueAt").lte(dueBy)
            .and("divisionCode").regex(anchored(divisionPrefix));
        return new Query(criteria).with(Sort.by(Sort.Order.asc("callbackDueAt"), Sort.Order.asc("_id")));
    }

    @Override
    public Page<CaseFile> retaliationChecksDue(String divisionPrefix, Instant dueBy, int page, int size) {
        return page(retaliationChecksDueQuery(divisionPrefix, dueBy), page, size);
    }

    /** Retaliation checks due: index {@code retaliation_due}. */
    static Query retaliationChecksDueQuery(String divisionPrefix, Instant dueBy) {
        Criteria criteria = Criteria.where("retaliationDueAt").lte(dueBy).and("divisionCode")
            .regex(anchored(divisionPrefix));
        return new Query(criteria).with(Sort.by(Sort.Order.asc("retaliationDueAt"), Sort.Order.asc("_id")));
    }

    /** The total, then one page of a sorted query. */
    private Page<CaseFile> page(Query sorted, int page, int size) {
        long total = mongo.count(sorted, CaseFileDocument.class);
        List<CaseFile> items = mongo.find(Query.of(sorted).skip((long) page * size).limit(size), CaseFileDocument.class)
            .stream().map(cases::read).toList();
        return new Page<>(items, page, size, total);
    }

    /** A division prefix as an anchored pattern (digits only, so nothing else can reach the regex). */
    static String anchored(String divisionPrefix) {
        return "^" + divisionPrefix.replaceAll("\\D", "");
    }
}
