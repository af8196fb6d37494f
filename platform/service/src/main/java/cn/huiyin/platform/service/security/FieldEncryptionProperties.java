package cn.huiyin.platform.service.security;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for field-level encryption ({@code huiyin.security.field-encryption.*}): {@code keys.<id>} is the base64 of 32
 * random bytes ({@code openssl rand -base64 32}), {@code active-key} names the one new values use. From the
 * environment in production, e.g. {@code HUIYIN_SECURITY_FIELD_ENCRYPTION_KEYS_K2026} and
 * {@code HUIYIN_SECURITY_FIELD_ENCRYPTION_ACTIVE_KEY=k2026}.
 */
@ConfigurationProperties("huiyin.security.field-encryption")
public record FieldEncryptionProperties(String activeKey, Map<String, String> keys) {

    public FieldCipher cipher() {
        if (activeKey == null || keys == null || keys.isEmpty()) {
            throw new IllegalStateException("huiyin.security.field-encryption.active-key and .keys must be configured "
                + "where personal data is stored");
        }
        Map<String, byte[]> raw = new LinkedHashMap<>();
        keys.forEach((id, base64) -> raw.put(id, Base64.getDecoder().decode(base64.trim())));
        return new FieldCipher(raw, activeKey);
    }
}
