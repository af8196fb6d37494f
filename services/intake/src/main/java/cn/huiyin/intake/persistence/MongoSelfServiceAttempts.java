package cn.huiyin.intake.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import cn.huiyin.intake.application.selfservice.SelfServiceAttempts;
import cn.huiyin.intake.application.selfservice.SelfServiceRules;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Self-service attempts in {@value #COLLECTION}, shared by every intake instance.
 * <ul>
 *   <li>Per key, one lock document {@code lock|<key>}: how many times the key was locked in a row ({@code locks}),
 *       until when, and for how long.</li>
 *   <li>Per key and lock generation, one counter {@code <key>|<locks>}, counted up with an atomic increment before
 *       the secret is checked: failures add up however slowly they come. A new lock starts a new generation, so
 *       after it the key may fail its limit again — and the next lock lasts twice as long. A success removes the
 *       counter.</li>
 * </ul>
 * Only exact {@code _id} look-ups and updates: the embedded store serves them from its index however many documents
 * there are.
 */
@Repository
class MongoSelfServiceAttempts implements SelfServiceAttempts {

    static final String COLLECTION = "self_service_attempts";

    private final MongoTemplate mongo;
    private final Duration forgetAfter;
    private final Duration lockFor;
    private final Duration maxLock;

    MongoSelfServiceAttempts(MongoTemplate mongo, SelfServiceRules rules) {
        this.mongo = mongo;
        this.forgetAfter = rules.forgetAfter();
        this.lockFor = rules.lockFor();
        this.maxLock = rules.maxLock();
    }

    @Override
    public Optional<Duration> begin(List<Key> keys, Instant now) {
        // Each key's lock is read once: counting in the generation read here, not in one a concurrent request has
        // just started by locking, keeps a request that raced the lock from passing as the new generation's first.
        List<Document> locks = new ArrayList<>();
        Duration refused = null;
        for (Key key : keys) {
            Document lock = lockOf(key);
            locks.add(lock);
            if (lock != null && until(lock).isAfter(now)) {
                refused = longest(refused, length(lock));
            }
        }
        if (refused != null) {
            return Optional.of(refused);
        }
        for (int i = 0; i < keys.size(); i++) {
            int generation = generation(locks.get(i));
            if (count(keys.get(i), now, generation) > keys.get(i).limit()) {
                refused = longest(refused, lock(keys.get(i), now, generation));
            }
        }
        return Optional.ofNullable(refused);
    }

    @Override
    public void failed(List<Key> keys, Instant now) {
        for (Key key : keys) {
            int generation = generation(lockOf(key));
            Document counter = mongo.getCollection(COLLECTION)
                .find(new Document("_id", counterId(key, generation))).first();
            if (counter != null && counter.getInteger("attempts", 0) >= key.limit()) {
                lock(key, now, generation);
            }
        }
    }

    @Override
    public void succeeded(List<Key> keys, Instant now) {
        for (Key key : keys) {
            Document lock = lockOf(key);
            mongo.remove(new Query(Criteria.where("_id").is(counterId(key, generation(lock)))), COLLECTION);
            mongo.remove(new Query(Criteria.where("_id").is(lockId(key)).and("lockedUntil").lte(Date.from(now))),
                COLLECTION);
        }
    }

    @Override
    public long forgetBefore(Instant before) {
        Date forgotten = Date.from(before.minus(forgetAfter));
        return mongo.remove(new Query(Criteria.where("lastAt").lt(forgotten)), COLLECTION).getDeletedCount()
            + mongo.remove(new Query(Criteria.where("lockedUntil").lt(forgotten)), COLLECTION).getDeletedCount();
    }

    /** Counts one attempt in the key's current generation; the attempts so far, this one included. */
    private int count(Key key, Instant now, int generation) {
        Query query = new Query(Criteria.where("_id").is(counterId(key, generation)));
        Update increment = new Update().inc("attempts", 1).set("lastAt", Date.from(now));
        Document counter;
        try {
            counter = mongo.findAndModify(query, increment, FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, COLLECTION);
        } catch (DuplicateKeyException createdMeanwhile) {
            counter = mongo.findAndModify(query, increment, FindAndModifyOptions.options().returnNew(true),
                Document.class, COLLECTION);
        }
        return counter == null ? Integer.MAX_VALUE : counter.getInteger("attempts", 0);
    }

    /**
     * Locks the key for the next lock of its escalation, unless another request has locked it already in this
     * generation; returns the length of the lock in force.
     */
    private Duration lock(Key key, Instant now, int generation) {
        int locks = generation + 1;
        Duration length = lockFor.multipliedBy(1L << Math.min(locks - 1, 30));
        if (length.compareTo(maxLock) > 0 || length.isNegative()) {
            length = maxLock;
        }
        Update update = new Update().set("locks", locks).set("lockedUntil", Date.from(now.plus(length)))
            .set("seconds", length.toSeconds());
        try {
            if (generation == 0) {
                mongo.insert(new Document("_id", lockId(key)).append("locks", locks)
                    .append("lockedUntil", Date.from(now.plus(length))).append("seconds", length.toSeconds()), COLLECTION);
                return length;
            }
            if (mongo.updateFirst(new Query(Criteria.where("_id").is(lockId(key)).and("locks").is(generation)), update,
                COLLECTION).getModifiedCount() == 1) {
                return length;
            }
        } catch (DuplicateKeyException | com.mongodb.MongoWriteException lockedMeanwhile) {
            // another request locked it first
        }
        Document lock = lockOf(key);
        return lock == null ? length : length(lock);
    }

    private Document lockOf(Key key) {
        return mongo.getCollection(COLLECTION).find(new Document("_id", lockId(key))).first();
    }

    private static int generation(Document lock) {
        return lock == null ? 0 : lock.getInteger("locks", 0);
    }

    private static Instant until(Document lock) {
        return lock.getDate("lockedUntil").toInstant();
    }

    private static Duration length(Document lock) {
        return Duration.ofSeconds(((Number) lock.get("seconds")).longValue());
    }

    private static Duration longest(Duration a, Duration b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }

    private static String counterId(Key key, int generation) {
        return key.id() + "|" + generation;
    }

    private static String lockId(Key key) {
        return "lock|" + key.id();
    }
}
