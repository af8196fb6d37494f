package cn.huiyin.intake.application.housekeeping;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.huiyin.intake.application.Grievances;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a field-encryption key rotation, re-encrypts in the background every worker's name, mobile and ID number that
 * is still under an older key, so the old key can be retired. Reading a grievance decrypts with whichever key its
 * values name, storing it encrypts with the active key: a grievance is rotated by reading and storing it. Batches
 * are small and a grievance changed meanwhile is simply taken up on the next run.
 */
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
    private static final int BATCH = 100;

    private final Grievances grievances;
    private final String activeKeyId;

    public KeyRotation(Grievances grievances, String activeKeyId) {
        this.grievances = grievances;
        this.activeKeyId = activeKeyId;
    }

    /** @return how many grievances were re-encrypted */
    public int run() {
        Set<String> seen = new HashSet<>();
        int rotated = 0;
        while (true) {
            List<String> stale = grievances.encryptedWithOtherKeyThan(activeKeyId, seen, BATCH);
            if (stale.isEmpty()) {
                break;
            }
            for (String id : stale) {
                seen.add(id);
                try {
                    grievances.find(id).ifPresent(grievances::update);
                    rotated++;
                } catch (RuntimeException cannotNow) {
                    log.warn("Key rotation: grievance {} skipped this time: {}", id, cannotNow.toString());
                }
            }
        }
        if (rotated > 0) {
            log.info("Key rotation: re-encrypted the personal data of {} grievance(s) with key {}", rotated, activeKeyId);
        }
        return rotated;
    }
}
