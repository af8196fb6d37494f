package cn.huiyin.intake.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.huiyin.intake.application.Grievances;
import cn.huiyin.intake.application.access.AccessScope;
import cn.huiyin.intake.domain.Grievance;
import cn.huiyin.intake.domain.GrievanceStatus;
import cn.huiyin.platform.messaging.outbox.AggregateStore;
import cn.huiyin.platform.messaging.outbox.Aggregates;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoGrievances implements Grievances {

    private final Aggregates<Grievance, GrievanceDocument> grievances;
    private final MongoTemplate mongo;

    MongoGrievances(AggregateStore store, MongoTemplate mongo, GrievanceMapper mapper) {
        this.grievances = new Aggregates<>(store, GrievanceDocument.class, Grievance::id, Grievance::pendingEvents,
            mapper::toDocument, mapper::toDomain);
        this.mongo = mongo;
        // The staff lists use these, on real MongoDB and the embedded server alike (ADR 0028): an organisation's list
        // is the two alternatives of its scope, each in the list's order, merged.
        mongo.indexOps(GrievanceDocument.class).createIndex(new Index().on("place.divisionCode", Sort.Direction.ASC)
            .on("submittedAt", Sort.Direction.DESC));
        mongo.indexOps(GrievanceDocument.class).createIndex(new Index().on("handling.orgId", Sort.Direction.ASC)
            .on("submittedAt", Sort.Direction.DESC));
        mongo.indexOps(GrievanceDocument.class).createIndex(new Index().on("handling.coHandlingOrgIds", Sort.Direction.ASC)
            .on("submittedAt", Sort.Direction.DESC));
        mongo.indexOps(GrievanceDocument.class).createIndex(new Index().on("closedAt", Sort.Direction.ASC));
        // Open311 clients list what they filed (recordedBy).
        mongo.indexOps(GrievanceDocument.class).createIndex(new Index().on("recordedBy.staffId", Sort.Direction.ASC)
            .on("submittedAt", Sort.Direction.DESC));
        // A returning worker's earlier grievances (by pseudonym), newest first.
        mongo.indexOps(GrievanceDocument.class).createIndex(new Index().on("workerRef", Sort.Direction.ASC)
            .on("submittedAt", Sort.Direction.DESC).named("worker_submitted"));
    }

    @Override
    public boolean addIfAbsent(Grievance grievance) {
        return grievances.addIfAbsent(grievance);
    }

    @Override
    public Optional<Grievance> find(String grievanceId) {
        return grievances.find(grievanceId);
    }

    @Override
    public void update(Grievance grievance) {
        grievances.update(grievance);
    }

    @Override
    public boolean apply(String grievanceId, java.util.function.Consumer<Grievance> change) {
        return grievances.apply(grievanceId, change);
    }

    @Override
    public List<Grievance> search(AccessScope scope, GrievanceStatus status, int page, int size) {
        if (scope.isEmpty()) {
            return List.of();
        }
        Query query = scoped(scope, status).with(NEWEST_FIRST).skip((long) page * size).limit(size);
        return mongo.find(query, GrievanceDocument.class).stream().map(grievances::read).toList();
    }

    @Override
    public List<Grievance> ofWorker(String workerRef, AccessScope scope, int limit) {
        if (scope.isEmpty() || scope.divisionPrefix() == null) {
            return List.of();
        }
        return mongo.find(ofWorkerQuery(workerRef, scope.divisionPrefix(), limit), GrievanceDocument.class).stream()
            .map(grievances::read).toList();
    }

    /** A worker's grievances within a territory, newest first: index {@code worker_submitted}. */
    static Query ofWorkerQuery(String workerRef, String divisionPrefix, int limit) {
        return new Query(Criteria.where("workerRef").is(workerRef).and("place.divisionCode")
            .regex("^" + Pattern.quote(divisionPrefix))).with(Sort.by(Sort.Direction.DESC, "submittedAt"))
            .limit(limit);
    }

    @Override
    public long count(AccessScope scope, GrievanceStatus status) {
        if (scope.isEmpty()) {
            return 0;
        }
        return mongo.count(scoped(scope, status), GrievanceDocument.class);
    }

    @Override
    public List<String> closedWithPersonalDataBefore(Instant closedBefore, Collection<String> skip, int limit) {
        Query query = new Query(Criteria.where("closedAt").lt(closedBefore).and("personalDataErasedAt").exists(false)
            .and("_id").nin(skip)).limit(limit);
        query.fields().include("_id");
        return ids(query);
    }

    @Override
    public List<String> encryptedWithOtherKeyThan(String activeKeyId, Collection<String> skip, int limit) {
        // A value under another key starts "v1:<other id>:"; key ids never contain ':'.
        Pattern otherKey = Pattern.compile("^v1:(?!" + Pattern.quote(activeKeyId) + ":)");
        Query query = new Query(new Criteria().andOperator(Criteria.where("_id").nin(skip), new Criteria().orOperator(
            GrievanceMapper.ENCRYPTED_FIELDS.stream().map(field -> Criteria.where(field).regex(otherKey)).toList())))
            .limit(limit);
        query.fields().include("_id");
        return ids(query);
    }

    private List<String> ids(Query query) {
        return mongo.find(query, Document.class, "grievances").stream().map(d -> d.getString("_id")).toList();
    }

    @Override
    public List<Grievance> recordedBy(String staffId, Collection<String> grievanceIds) {
        if (grievanceIds.isEmpty()) {
            return List.of();
        }
        Query query = new Query(Criteria.where("recordedBy.staffId").is(staffId).and("_id").in(grievanceIds))
            .with(Sort.by(Sort.Direction.DESC, "submittedAt"));
        return mongo.find(query, GrievanceDocument.class).stream().map(grievances::read).toList();
    }

    @Override
    public List<Grievance> recordedBy(String staffId, Collection<String> categories,
                                      Collection<GrievanceStatus> statuses, Instant submittedFrom,
                                      Instant submittedTo, int limit) {
        Criteria criteria = Criteria.where("recordedBy.staffId").is(staffId)
            .and("submittedAt").gte(submittedFrom).lt(submittedTo);
        if (!categories.isEmpty()) {
            criteria = criteria.and("category").in(categories);
        }
        if (!statuses.isEmpty()) {
            criteria = criteria.and("status").in(statuses);
        }
        Query query = new Query(criteria).with(Sort.by(Sort.Direction.DESC, "submittedAt")).limit(limit);
        return mongo.find(query, GrievanceDocument.class).stream().map(grievances::read).toList();
    }

    static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "submittedAt");

    /** The caller's scope (never empty here) is part of the query: grievances outside it are never read. */
    static Query scoped(AccessScope scope, GrievanceStatus status) {
        Criteria criteria = scope.handlingOrg() != null
            ? new Criteria().orOperator(Criteria.where("handling.orgId").is(scope.handlingOrg()),
                Criteria.where("handling.coHandlingOrgIds").is(scope.handlingOrg()))
            : Criteria.where("place.divisionCode").regex("^" + Pattern.quote(scope.divisionPrefix()));
        if (status != null) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("status").is(status));
        }
        return new Query(criteria);
    }
}
