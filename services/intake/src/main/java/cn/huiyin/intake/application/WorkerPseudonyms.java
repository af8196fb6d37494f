package cn.huiyin.intake.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Names a worker without saying who: a keyed hash (HMAC-SHA256) of the mobile number. The same worker always gets the
 * same reference, so triage can spot repeated grievances, but nobody without the key can turn it back into a number.
 */
public class WorkerPseudonyms {

    private final SecretKeySpec key;

    public WorkerPseudonyms(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("huiyin.intake.worker-ref-key must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String mobile) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(mobile.getBytes(StandardCharsets.UTF_8));
            return "wk-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
