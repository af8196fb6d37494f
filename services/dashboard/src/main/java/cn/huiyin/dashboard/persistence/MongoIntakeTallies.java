package cn.huiyin.dashboard.persistence;

import java.time.LocalDate;
import java.util.List;

import cn.huiyin.dashboard.application.IntakeTallies;
import cn.huiyin.dashboard.domain.IntakeTally;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One counter document per day, district, category, channel and worker group, incremented by {@code _id} (fast on any
 * store); days are ISO dates (sortable text). Reads filter by period and jurisdiction in the query itself.
 */
@Repository
class MongoIntakeTallies implements IntakeTallies {

    private static final String COLLECTION = "intake_tallies";

    private final MongoTemplate mongo;

    MongoIntakeTallies(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void increment(LocalDate day, String district, String category, String channel, String workerGroup) {
        String id = String.join("|", day.toString(), district, category, channel, workerGroup);
        mongo.upsert(new Query(Criteria.where("_id").is(id)), new Update()
            .setOnInsert("day", day.toString()).setOnInsert("district", district).setOnInsert("category", category)
            .setOnInsert("channel", channel).setOnInsert("workerGroup", workerGroup)
            .inc("count", 1L), COLLECTION);
    }

    @Override
    public List<IntakeTally> between(LocalDate from, LocalDate to, String districtPrefix) {
        Query query = new Query(Criteria.where("day").gte(from.toString()).lte(to.toString())
            .and("district").regex("^" + java.util.regex.Pattern.quote(districtPrefix)));
        return mongo.find(query, Document.class, COLLECTION).stream()
            .map(d -> new IntakeTally(LocalDate.parse(d.getString("day")), d.getString("district"), d.getString("category"),
                d.getString("channel"), d.getString("workerGroup"), ((Number) d.get("count")).longValue()))
            .toList();
    }
}
