package cn.huiyin.jointmeeting.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.huiyin.jointmeeting.application.ReviewRequests;
import cn.huiyin.jointmeeting.domain.review.ReviewRequest;
import cn.huiyin.platform.messaging.outbox.AggregateStore;
import cn.huiyin.platform.messaging.outbox.Aggregates;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoReviewRequests implements ReviewRequests {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "request.queuedAt");

    private final Aggregates<ReviewRequest, ReviewRequestDocument> requests;
    private final MongoTemplate mongo;

    MongoReviewRequests(AggregateStore store, MongoTemplate mongo) {
        this.requests = new Aggregates<>(store, ReviewRequestDocument.class, ReviewRequest::id,
            ReviewRequest::pendingEvents, ReviewRequestDocument::from, ReviewRequestDocument::toDomain);
        this.mongo = mongo;
        // Real MongoDB and the embedded server alike use these (ADR 0028).
        mongo.indexOps(ReviewRequestDocument.class).createIndex(new Index().on("convenerId", Sort.Direction.ASC));
        mongo.indexOps(ReviewRequestDocument.class).createIndex(new Index().on("divisionCode", Sort.Direction.ASC));
        mongo.indexOps(ReviewRequestDocument.class).createIndex(new Index().on("grievanceIds", Sort.Direction.ASC));
    }

    @Override
    public boolean addIfAbsent(ReviewRequest request) {
        return requests.addIfAbsent(request);
    }

    @Override
    public Optional<ReviewRequest> find(String id) {
        return requests.find(id);
    }

    @Override
    public List<ReviewRequest> findAll(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : find(new Query(Criteria.where("_id").in(ids)));
    }

    @Override
    public void update(ReviewRequest request) {
        requests.update(request);
    }

    @Override
    public List<ReviewRequest> convenedBy(String organisationId) {
        return find(convenedByQuery(organisationId));
    }

    /** A convener's queue of review requests, newest first: index {@code convenerId}. */
    static Query convenedByQuery(String organisationId) {
        return new Query(Criteria.where("convenerId").is(organisationId)).with(NEWEST_FIRST);
    }

    @Override
    public List<ReviewRequest> within(String divisionPrefix) {
        return find(withinQuery(divisionPrefix));
    }

    /** The review requests of a territory: index {@code divisionCode}. */
    static Query withinQuery(String divisionPrefix) {
        return new Query(Criteria.where("divisionCode").regex("^" + Pattern.quote(divisionPrefix))).with(NEWEST_FIRST);
    }

    @Override
    public List<ReviewRequest> including(String grievanceId) {
        return find(new Query(Criteria.where("grievanceIds").is(grievanceId)).with(NEWEST_FIRST));
    }

    private List<ReviewRequest> find(Query query) {
        return mongo.find(query, ReviewRequestDocument.class).stream().map(requests::read).toList();
    }
}
