package cn.huiyin.intake.persistence;

import java.time.Clock;
import java.util.Date;

import cn.huiyin.intake.application.housekeeping.ScheduledRuns;
import com.mongodb.MongoWriteException;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Claims of scheduled runs in {@value #COLLECTION}, one document per run key: the unique {@code _id} decides. */
@Repository
class MongoScheduledRuns implements ScheduledRuns {

    static final String COLLECTION = "scheduled_runs";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final Clock clock;

    MongoScheduledRuns(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public boolean claim(String runKey, String instance) {
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", runKey).append("instance", instance)
                .append("claimedAt", Date.from(clock.instant())));
            return true;
        } catch (DuplicateKeyException alreadyClaimed) {
            return false;
        } catch (MongoWriteException e) {
            if (e.getError().getCode() == DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
