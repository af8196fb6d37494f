package cn.huiyin.platform.service.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Field-level encryption of personal data at rest: AES-256-GCM (authenticated), a fresh 96-bit IV per value, and the
 * field's context (e.g. {@code grievances.worker.mobile:HY-20261122-000001}) as associated data, so a ciphertext
 * copied into another field or document no longer decrypts. Stored as {@code v1:<keyId>:<base64url(iv‖ciphertext)>}.
 *
 * <p>Rotation: add a new key, make it active; values written with older keys still decrypt (their key id is stored
 * with them) and {@link #needsReencryption} finds them for re-encryption. A key is retired only when no value uses it.
 */
public class FieldCipher {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param keys        key id → 32 raw bytes
     * @param activeKeyId the key new values are encrypted with
     */
    public FieldCipher(Map<String, byte[]> keys, String activeKeyId) {
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("The active field-encryption key '" + activeKeyId + "' is not configured");
        }
        keys.forEach((id, key) -> {
            if (key.length != 32) {
                throw new IllegalArgumentException("Field-encryption key '" + id + "' must be 32 bytes (AES-256), not " + key.length);
            }
            if (id.contains(":")) {
                throw new IllegalArgumentException("Field-encryption key id must not contain ':'");
            }
        });
        this.keys = Map.copyOf(keys.entrySet().stream().collect(java.util.stream.Collectors.toMap(
            Map.Entry::getKey, e -> new SecretKeySpec(e.getValue(), "AES"))));
        this.activeKeyId = activeKeyId;
    }

    public String encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, stored, 0, iv.length);
            System.arraycopy(sealed, 0, stored, iv.length, sealed.length);
            return PREFIX + activeKeyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt field", e);
        }
    }

    /** @throws IllegalStateException if the value was tampered with, moved, or its key is unknown */
    public String decrypt(String stored, String context) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !stored.startsWith(PREFIX) || !keys.containsKey(parts[1])) {
            throw new IllegalStateException("Not a field encrypted with a known key");
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.get(parts[1]), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt field: tampered, moved or wrong key", e);
        }
    }

    public boolean needsReencryption(String stored) {
        return stored != null && !stored.startsWith(PREFIX + activeKeyId + ":");
    }

    public String activeKeyId() {
        return activeKeyId;
    }
}
