package cn.huiyin.dashboard.persistence;

import java.time.Instant;
import java.util.Date;

import cn.huiyin.dashboard.application.projection.ProjectionState;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The projection's state: one document ({@code _id} = {@value #ID}) naming the live generation and the latest
 * rebuild. Every change is one conditional update of it, so two instances cannot both start or finish a rebuild.
 */
@Repository
class MongoProjectionState implements ProjectionState {

    static final String COLLECTION = "projection";
    static final String ID = "dashboard";
    static final String FIRST = "g1";

    private final MongoTemplate mongo;

    MongoProjectionState(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Generations read() {
        Document state = mongo.findById(ID, Document.class, COLLECTION);
        if (state == null) {
            try {
                mongo.insert(new Document("_id", ID).append("current", FIRST), COLLECTION);
            } catch (DuplicateKeyException meanwhile) {
                return read();
            }
            return new Generations(FIRST, null, null);
        }
        Document rebuild = state.get("rebuild", Document.class);
        return new Generations(state.getString("current"), state.getString("previous"),
            rebuild == null ? null : rebuild(rebuild));
    }

    private static Rebuild rebuild(Document d) {
        Document p = d.get("progress", Document.class);
        Progress progress = p == null ? null : new Progress(number(p, "read"), number(p, "total"),
            ((Number) p.getOrDefault("rate", 0.0)).doubleValue(), number(p, "applied"), instant(p, "reportedAt"));
        return new Rebuild(d.getString("generation"), Phase.valueOf(d.getString("phase")), d.getString("by"),
            instant(d, "startedAt"), instant(d, "finishedAt"), progress, d.getString("failure"));
    }

    @Override
    public boolean startRebuild(String generation, String by, Instant at, Instant staleBefore) {
        read();
        Criteria idle = new Criteria().orOperator(Criteria.where("rebuild").exists(false),
            Criteria.where("rebuild.phase").in(Phase.DONE.name(), Phase.FAILED.name()),
            Criteria.where("rebuild.progress.reportedAt").lt(Date.from(staleBefore)));
        Document rebuild = new Document("generation", generation).append("phase", Phase.REPLAYING.name())
            .append("by", by).append("startedAt", Date.from(at))
            .append("progress", new Document("read", 0L).append("total", 0L).append("rate", 0.0)
                .append("applied", 0L).append("reportedAt", Date.from(at)));
        return mongo.updateFirst(new Query(new Criteria().andOperator(Criteria.where("_id").is(ID), idle)),
            new Update().set("rebuild", rebuild), COLLECTION).getMatchedCount() == 1;
    }

    @Override
    public void progress(Progress progress) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(ID)), new Update().set("rebuild.progress",
            new Document("read", progress.read()).append("total", progress.total())
                .append("rate", progress.ratePerSecond()).append("applied", progress.applied())
                .append("reportedAt", Date.from(progress.reportedAt()))), COLLECTION);
    }

    @Override
    public void beginHandoff(Instant at) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(ID)),
            new Update().set("rebuild.phase", Phase.HANDOFF.name()), COLLECTION);
    }

    @Override
    public void switchOver(Instant at) {
        Generations generations = read();
        mongo.updateFirst(new Query(Criteria.where("_id").is(ID)), new Update()
            .set("previous", generations.current()).set("current", generations.rebuild().generation())
            .set("rebuild.phase", Phase.DONE.name()).set("rebuild.finishedAt", Date.from(at)), COLLECTION);
    }

    @Override
    public void fail(String reason, Instant at) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(ID)), new Update()
            .set("rebuild.phase", Phase.FAILED.name()).set("rebuild.failure", reason)
            .set("rebuild.finishedAt", Date.from(at)), COLLECTION);
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Instant instant(Document d, String field) {
        Date value = d.getDate(field);
        return value == null ? null : value.toInstant();
    }
}
