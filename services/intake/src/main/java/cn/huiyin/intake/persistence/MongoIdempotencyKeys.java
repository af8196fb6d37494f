package cn.huiyin.intake.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;

import cn.huiyin.intake.application.IdempotencyKeys;
import cn.huiyin.intake.application.SubmissionReceipt;
import cn.huiyin.intake.domain.TrackingNumber;
import cn.huiyin.platform.kernel.DomainException;
import cn.huiyin.platform.service.security.FieldCipher;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys by {@code _id}, so the unique key index itself settles concurrent identical requests. The query
 * code a claim fixes is stored encrypted (as the worker's phone number is, bound to the key) and erased once the
 * replay window has passed.
 */
@Repository
class MongoIdempotencyKeys implements IdempotencyKeys {

    private static final String COLLECTION = "idempotency_keys";

    private final MongoTemplate mongo;
    private final FieldCipher cipher;
    private final Clock clock;

    MongoIdempotencyKeys(MongoTemplate mongo, FieldCipher cipher, Clock clock) {
        this.mongo = mongo;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public Claim claim(String key, String fingerprint, Supplier<TrackingNumber> newTrackingNumber,
                       Supplier<String> newQueryCode) {
        Document existing = find(key);
        if (existing == null) {
            TrackingNumber number = newTrackingNumber.get();
            String code = newQueryCode.get();
            try {
                mongo.getCollection(COLLECTION).insertOne(new Document("_id", key).append("fingerprint", fingerprint)
                    .append("trackingNumber", number.value()).append("queryCode", cipher.encrypt(code, context(key)))
                    .append("createdAt", Date.from(clock.instant())));
                return new Claim(number, code, true, null);
            } catch (DuplicateKeyException | com.mongodb.MongoWriteException raced) {
                existing = find(key);
            }
        }
        if (!fingerprint.equals(existing.getString("fingerprint"))) {
            throw DomainException.conflict("idempotency-key.reused", "该 Idempotency-Key 已用于另一份不同的诉求，请换一个键",
                "This Idempotency-Key was already used for a different submission; use a new key");
        }
        TrackingNumber number = new TrackingNumber(existing.getString("trackingNumber"));
        String code = cipher.decrypt(existing.getString("queryCode"), context(key));
        Document receipt = existing.get("receipt", Document.class);
        return new Claim(number, code, false, receipt == null ? null : new SubmissionReceipt(
            receipt.getString("trackingNumber"), receipt.getDate("submittedAt").toInstant(), code));
    }

    @Override
    public void complete(String key, SubmissionReceipt receipt) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(key)), new Update().set("receipt",
            new Document("trackingNumber", receipt.trackingNumber()).append("submittedAt", Date.from(receipt.submittedAt())))
            .set("completedAt", Date.from(clock.instant())), COLLECTION);
    }

    @Override
    public long forgetQueryCodes(Instant claimedBefore) {
        return mongo.updateMulti(new Query(Criteria.where("createdAt").lt(Date.from(claimedBefore))
            .and("queryCode").exists(true)), new Update().unset("queryCode"), COLLECTION).getModifiedCount();
    }

    private Document find(String key) {
        return mongo.getCollection(COLLECTION).find(new Document("_id", key)).first();
    }

    private static String context(String key) {
        return "intake.idempotency_keys.queryCode:" + key;
    }
}
