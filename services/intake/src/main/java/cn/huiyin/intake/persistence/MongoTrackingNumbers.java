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
 * One counter document per day, incremented atomically: numbers are unique however many intake instances run, and
 * count the day's grievances.
 */
@Component
class MongoTrackingNumbers implements TrackingNumbers {

    private final MongoTemplate mongo;

    MongoTrackingNumbers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public TrackingNumber next(LocalDate day) {
        Document counter = mongo.findAndModify(new Query(Criteria.where("_id").is(day.toString())),
            new Update().inc("last", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
            Document.class, "tracking_numbers");
        return TrackingNumber.of(day, ((Number) counter.get("last")).longValue());
    }
}
