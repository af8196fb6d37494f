package cn.huiyin.platform.service.security;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for field-level encryption ({@code huiyin.security.field-encryption.*}), each the base64 of 32 random bytes
 * ({@code openssl rand -base64 32}). A single {@code key} (env {@code HUIYIN_SECURITY_FIELD_ENCRYPTION_KEY}) is key id
 * {@code k1}. To rotate, add {@code keys.<id>} (env {@code HUIYIN_SECURITY_FIELD_ENCRYPTION_KEYS_K2}) and set
 * {@code active-key=<id>}; keep the old key until nothing uses it.
 */
@ConfigurationProperties("huiyin.security.field-encryption")
public record FieldEncryptionProperties(String key, String activeKey, Map<String, String> keys) {

    public static final String SINGLE_KEY_ID = "k1";

    public FieldCipher cipher() {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        if (key != null && !key.isBlank()) {
            raw.put(SINGLE_KEY_ID, decode(SINGLE_KEY_ID, key));
        }
        if (keys != null) {
            keys.forEach((id, base64) -> raw.put(id, decode(id, base64)));
        }
        if (raw.isEmpty()) {
            throw new IllegalStateException("huiyin.security.field-encryption.key (or .keys and .active-key) must be "
                + "configured where personal data is stored");
        }
        return new FieldCipher(raw, activeKey != null && !activeKey.isBlank() ? activeKey : SINGLE_KEY_ID);
    }

    private static byte[] decode(String id, String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Field-encryption key '" + id + "' is not valid base64", e);
        }
    }
}
