package cn.huiyin.intake.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The worker who brings the grievance. Name, mobile and resident ID are personal data: they stay in intake (encrypted
 * at rest), never travel in events, and are erased a while after the grievance is closed; other services know the
 * worker only by {@code workerRef}.
 *
 * @param name       null once erased
 * @param mobile     null once erased
 * @param residentId optional 18-character resident ID number; null if not given or erased
 */
public record Worker(String name, String mobile, String residentId, WorkerGroup group, String platformOrEmployer,
                     String homeStation) {

    public Worker {
        Objects.requireNonNull(group, "group");
    }

    /** The same worker without name, mobile, ID number or station (the statistics keep group and platform). */
    public Worker withoutIdentity() {
        return new Worker(null, null, null, group, platformOrEmployer, null);
    }

    public boolean isErased() {
        return mobile == null;
    }

    /** Whether {@code number} is the worker's whole mobile number (the self-service of grievances filed before query codes). */
    public boolean hasMobile(String number) {
        return mobile != null && number != null && MessageDigest.isEqual(
            mobile.getBytes(StandardCharsets.UTF_8), number.getBytes(StandardCharsets.UTF_8));
    }
}
