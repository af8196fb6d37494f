package cn.huiyin.notifications.application;

import java.util.Optional;

/**
 * Port: the worker's mobile and consent, asked of intake at the moment of delivery and never stored here (ADR 0008,
 * ADR 0024).
 */
public interface WorkerContacts {

    /** The worker's contact for a grievance; empty if intake has no mobile for it. */
    Optional<WorkerContact> find(String grievanceId);

    /** @param optedOut whether the worker asked for no messages beyond the acceptance */
    record WorkerContact(String mobile, boolean optedOut) {
    }

    /** Intake could not be asked (down, circuit open): the delivery is tried again later. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
