package cn.huiyin.followup.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.huiyin.followup.application.ActionItems;
import cn.huiyin.followup.application.ConcurrentChange;
import cn.huiyin.followup.application.DueCheck;
import cn.huiyin.followup.application.Page;
import cn.huiyin.followup.domain.actionitem.ActionItem;
import cn.huiyin.followup.domain.actionitem.ActionItemStatus;
import cn.huiyin.platform.messaging.outbox.AggregateStore;
import cn.huiyin.platform.messaging.outbox.Aggregates;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Action items in MongoDB, with their {@link DueIndex} ({@code action_items_due}) for the supervision scan. */
@Repository
class MongoActionItems implements ActionItems {

    private final Aggregates<ActionItem, ActionItemDocument> items;
    private final MongoTemplate mongo;
    private final DueIndex due;

    MongoActionItems(AggregateStore store, MongoTemplate mongo) {
        this.items = new Aggregates<>(store, ActionItemDocument.class, ActionItem::id, ActionItem::pendingEvents,
            ActionItemDocument::from, ActionItemDocument::toDomain);
        this.mongo = mongo;
        this.due = new DueIndex(mongo, "action_items_due");
        var indexes = mongo.indexOps(ActionItemDocument.class);
        indexes.createIndex(new Index().on("grievanceIds", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
            .named("grievance_status"));
        indexes.createIndex(new Index().on("organisationIds", Sort.Direction.ASC).on("open", Sort.Direction.DESC)
            .on("dueAt", Sort.Direction.ASC).named("organisation_due"));
    }

    @Override
    public boolean addIfAbsent(ActionItem item) {
        due.touch(item.id(), item.nextSupervisionAt().orElse(null));
        return items.addIfAbsent(item);
    }

    @Override
    public Optional<ActionItem> find(String actionItemId) {
        return items.find(actionItemId);
    }

    @Override
    public void update(ActionItem item) {
        due.touch(item.id(), item.nextSupervisionAt().orElse(null));
        store(item);
    }

    @Override
    public List<DueCheck> dueForSupervision(Instant now, int limit) {
        return due.due(now, limit);
    }

    @Override
    public void updateSupervised(ActionItem item, DueCheck check) {
        store(item);
        due.settle(check, item.nextSupervisionAt().orElse(null));
    }

    @Override
    public void forget(DueCheck check) {
        due.settle(check, null);
    }

    private void store(ActionItem item) {
        try {
            items.update(item);
        } catch (OptimisticLockingFailureException e) {
            throw new ConcurrentChange(item.id(), e);
        }
    }

    @Override
    public List<ActionItem> openFor(String grievanceId) {
        Query query = new Query(Criteria.where("grievanceIds").is(grievanceId).and("status").is(ActionItemStatus.OPEN));
        return mongo.find(query, ActionItemDocument.class).stream().map(items::read).toList();
    }

    @Override
    public Page<ActionItem> ofOrganisation(String organisationId, int page, int size) {
        Query query = ofOrganisationQuery(organisationId);
        long total = mongo.count(query, ActionItemDocument.class);
        List<ActionItem> found = mongo.find(query.skip((long) page * size).limit(size), ActionItemDocument.class)
            .stream().map(items::read).toList();
        return new Page<>(found, page, size, total);
    }

    /** An organisation's action items, open ones first, soonest due first: index {@code organisation_due}. */
    static Query ofOrganisationQuery(String organisationId) {
        return new Query(Criteria.where("organisationIds").is(organisationId))
            .with(Sort.by(Sort.Order.desc("open"), Sort.Order.asc("dueAt"), Sort.Order.asc("_id")));
    }
}
