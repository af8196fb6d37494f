package cn.huiyin.intake.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;

import cn.huiyin.intake.application.IdempotencyKeys;
import cn.huiyin.intake.application.SubmissionReceipt;
import cn.huiyin.intake.domain.TrackingNumber;
import cn.huiyin.platform.kernel.DomainException;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Idempotency keys by {@code _id}, so the unique key index itself settles concurrent identical requests. */
@Repository
class MongoIdempotencyKeys implements IdempotencyKeys {

    private static final String COLLECTION = "idempotency_keys";

    private final MongoTemplate mongo;

    MongoIdempotencyKeys(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Claim claim(String key, String fingerprint, Supplier<TrackingNumber> newTrackingNumber) {
        Document existing = find(key);
        if (existing == null) {
            TrackingNumber number = newTrackingNumber.get();
            try {
                mongo.getCollection(COLLECTION).insertOne(new Document("_id", key).append("fingerprint", fingerprint)
                    .append("trackingNumber", number.value()).append("createdAt", new Date()));
                return new Claim(number, true, null);
            } catch (DuplicateKeyException | com.mongodb.MongoWriteException raced) {
                existing = find(key);
            }
        }
        if (!fingerprint.equals(existing.getString("fingerprint"))) {
            throw DomainException.conflict("idempotency-key.reused", "该 Idempotency-Key 已用于另一份不同的诉求，请换一个键",
                "This Idempotency-Key was already used for a different submission; use a new key");
        }
        TrackingNumber number = new TrackingNumber(existing.getString("trackingNumber"));
        Document receipt = existing.get("receipt", Document.class);
        return new Claim(number, false, receipt == null ? null : new SubmissionReceipt(receipt.getString("trackingNumber"),
            receipt.getDate("submittedAt").toInstant(), receipt.getString("receipt")));
    }

    @Override
    public void complete(String key, SubmissionReceipt receipt) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(key)), new Update().set("receipt",
            new Document("trackingNumber", receipt.trackingNumber()).append("submittedAt", Date.from(receipt.submittedAt()))
                .append("receipt", receipt.receipt())).set("completedAt", Date.from(Instant.now())), COLLECTION);
    }

    private Document find(String key) {
        return mongo.getCollection(COLLECTION).find(new Document("_id", key)).first();
    }
}
