package cn.huiyin.intake.persistence;

import java.time.LocalDate;

import cn.huiyin.intake.application.TrackingNumbers;
import cn.huiyin.intake.domain.TrackingNumber;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One counter document per day, from which each intake instance reserves a block of numbers at a time with one
 * atomic increment: numbers are unique however many instances run, and a busy window costs one database write per
 * block rather than per grievance. Numbers left in a block when an instance stops are skipped, so a day's numbers
 * may have gaps; they still count up through the day.
 */
@Component
class MongoTrackingNumbers implements TrackingNumbers {

    static final int BLOCK = 20;

    private final MongoTemplate mongo;
    private LocalDate blockDay;
    private long next;
    private long last;

    MongoTrackingNumbers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public synchronized TrackingNumber next(LocalDate day) {
        if (!day.equals(blockDay) || next > last) {
            Document counter = mongo.findAndModify(new Query(Criteria.where("_id").is(day.toString())),
                new Update().inc("last", (long) BLOCK), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, "tracking_numbers");
            last = ((Number) counter.get("last")).longValue();
            next = last - BLOCK + 1;
            blockDay = day;
        }
        return TrackingNumber.of(day, next++);
    }
}
