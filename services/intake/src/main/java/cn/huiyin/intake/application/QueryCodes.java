package cn.huiyin.intake.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.huiyin.intake.domain.Grievance;

/**
 * The worker's self-service secret (查询码): ten random digits, given to the worker once, on the receipt and in its SMS
 * text, and kept only as a keyed hash (HMAC-SHA256 with {@code huiyin.intake.query-code-key}, over the tracking number
 * and the code). Staff never see it again; a copy of the database without the key does not reveal it, and cannot
 * even be searched for it by trying all 10^10 codes. Digits, because workers read them out on the hotline and type
 * them on a phone's number pad; ten of them, because the self-service allows a few guesses a day per grievance.
 */
public class QueryCodes {

    public static final int DIGITS = 10;
    private static final String PREFIX = "h1:";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public QueryCodes(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("huiyin.intake.query-code-key must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** A new code, every digit uniformly random. */
    public String newCode() {
        StringBuilder code = new StringBuilder(DIGITS);
        for (int i = 0; i < DIGITS; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }

    public String hash(String trackingNumber, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((trackingNumber + ":" + code).getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Whether {@code code} (spaces and dashes allowed, as people write it) is the grievance's current code. */
    public boolean matches(Grievance grievance, String code) {
        String stored = grievance.queryCodeHash();
        if (stored == null || code == null) {
            return false;
        }
        String given = hash(grievance.id(), normalise(code));
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code 3829-1047 56} → {@code 3829104756}. */
    public static String normalise(String code) {
        return code.replaceAll("[\\s-]", "");
    }
}
