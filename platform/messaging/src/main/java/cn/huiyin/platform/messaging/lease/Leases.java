package cn.huiyin.platform.messaging.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.Supplier;

import com.mongodb.MongoWriteException;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Named leases in the service's database: work that must not run twice at once across the service's instances (two
 * officers merging one worker's grievances, a nightly job on two replicas) holds one. A lease expires on its own, so
 * a holder that dies releases it after at most its duration.
 */
public class Leases {

    public static final String COLLECTION = "leases";

    private final MongoTemplate mongo;
    private final Clock clock;

    public Leases(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Runs {@code work} holding lease {@code name}.
     *
     * @throws LeaseHeldException if another holder has it
     */
    public <T> T holding(String name, Duration duration, Supplier<T> work) {
        String holder = UUID.randomUUID().toString();
        if (!acquire(name, holder, duration)) {
            throw new LeaseHeldException(name);
        }
        try {
            return work.get();
        } finally {
            mongo.remove(new Query(Criteria.where("_id").is(name).and("holder").is(holder)), COLLECTION);
        }
    }

    /** Runs {@code work} if the lease is free; false if another holder has it. */
    public boolean ifFree(String name, Duration duration, Runnable work) {
        try {
            holding(name, duration, () -> {
                work.run();
                return null;
            });
            return true;
        } catch (LeaseHeldException held) {
            return false;
        }
    }

    private boolean acquire(String name, String holder, Duration duration) {
        Instant now = clock.instant();
        Date until = Date.from(now.plus(duration));
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", name).append("holder", holder)
                .append("until", until));
            return true;
        } catch (MongoWriteException | DuplicateKeyException taken) {
            // Taken: take it over only if its holder let it expire.
            return mongo.updateFirst(new Query(Criteria.where("_id").is(name).and("until").lt(Date.from(now))),
                new Update().set("holder", holder).set("until", until), COLLECTION).getModifiedCount() == 1;
        }
    }
}
