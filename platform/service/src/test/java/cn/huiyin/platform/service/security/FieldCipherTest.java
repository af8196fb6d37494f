package cn.huiyin.platform.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final byte[] OLD_KEY = random32();
    private static final byte[] NEW_KEY = random32();
    private static final String CONTEXT = "grievances.worker.mobile:HY-20261122-000001";

    private final FieldCipher cipher = new FieldCipher(Map.of("k2025", OLD_KEY), "k2025");

    @Test
    void aPhoneNumberIsStoredUnreadableAndReadBack() {
        String stored = cipher.encrypt("13812341234", CONTEXT);

        assertThat(stored).startsWith("v1:k2025:").doesNotContain("13812341234").doesNotContain("1234");
        assertThat(cipher.decrypt(stored, CONTEXT)).isEqualTo("13812341234");
    }

    @Test
    void theSameNumberEncryptsDifferentlyEachTime() {
        assertThat(cipher.encrypt("13812341234", CONTEXT)).isNotEqualTo(cipher.encrypt("13812341234", CONTEXT));
    }

    @Test
    void aValueCopiedToAnotherGrievanceOrFieldNoLongerDecrypts() {
        String stored = cipher.encrypt("13812341234", CONTEXT);

        assertThatThrownBy(() -> cipher.decrypt(stored, "grievances.worker.mobile:HY-20261122-000002"))
            .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(stored, "grievances.worker.residentId:HY-20261122-000001"))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTamperedValueIsRefused() {
        String stored = cipher.encrypt("13812341234", CONTEXT);
        char last = stored.charAt(stored.length() - 1);
        String tampered = stored.substring(0, stored.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThatThrownBy(() -> cipher.decrypt(tampered, CONTEXT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterRotationOldValuesStillDecryptAndAreFoundForReencryption() {
        String old = cipher.encrypt("13812341234", CONTEXT);
        FieldCipher rotated = new FieldCipher(Map.of("k2025", OLD_KEY, "k2026", NEW_KEY), "k2026");

        String fresh = rotated.encrypt("13812341234", CONTEXT);

        assertThat(rotated.decrypt(old, CONTEXT)).isEqualTo("13812341234");
        assertThat(fresh).startsWith("v1:k2026:");
        assertThat(rotated.needsReencryption(old)).isTrue();
        assertThat(rotated.needsReencryption(fresh)).isFalse();
        assertThatThrownBy(() -> cipher.decrypt(fresh, CONTEXT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyOfTheWrongSizeOrAMissingActiveKeyIsAConfigurationError() {
        assertThatThrownBy(() -> new FieldCipher(Map.of("k", new byte[16]), "k")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new FieldCipher(Map.of("k", OLD_KEY), "other")).hasMessageContaining("not configured");
    }

    private static byte[] random32() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
