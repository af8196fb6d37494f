package cn.huiyin.intake.persistence;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.huiyin.intake.application.open311.RequestTokens;
import com.mongodb.MongoWriteException;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Repository;

/**
 * Open311 request tokens in {@value #COLLECTION}, keyed by tracking number, so a retried filing (same
 * Idempotency-Key) gets the same token; a unique index on the token serves the look-up. Only the client that filed
 * the grievance can resolve its token, and it needs its api key too, so a leaked token alone reveals nothing.
 */
@Repository
class MongoRequestTokens implements RequestTokens {

    static final String COLLECTION = "open311_tokens";
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    private final MongoTemplate mongo;
    private final SecureRandom random = new SecureRandom();

    MongoRequestTokens(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("token", Sort.Direction.ASC).unique());
    }

    @Override
    public String issue(String trackingNumber, String client) {
        Document existing = byTrackingNumber(trackingNumber);
        if (existing == null) {
            String token = newToken();
            try {
                mongo.getCollection(COLLECTION).insertOne(new Document("_id", trackingNumber).append("token", token)
                    .append("client", client).append("issuedAt", new Date()));
                return token;
            } catch (DuplicateKeyException | MongoWriteException raced) {
                existing = byTrackingNumber(trackingNumber);
                if (existing == null) {
                    throw raced;
                }
            }
        }
        if (!client.equals(existing.getString("client"))) {
            throw new IllegalStateException("Grievance " + trackingNumber + " has a token of another Open311 client");
        }
        return existing.getString("token");
    }

    @Override
    public Optional<String> trackingNumber(String token, String client) {
        if (token == null || !FORMAT.matcher(token).matches()) {
            return Optional.empty();
        }
        Document found = mongo.getCollection(COLLECTION).find(new Document("token", token)).first();
        if (found == null || !client.equals(found.getString("client"))) {
            return Optional.empty();
        }
        return Optional.of(found.getString("_id"));
    }

    private Document byTrackingNumber(String trackingNumber) {
        return mongo.getCollection(COLLECTION).find(new Document("_id", trackingNumber)).first();
    }

    /** 160 random bits, URL-safe: 27 characters. */
    private String newToken() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
