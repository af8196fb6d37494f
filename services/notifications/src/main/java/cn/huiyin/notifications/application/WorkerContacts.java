package cn.huiyin.notifications.application;

import java.util.Optional;

/**
 * Port: the worker's mobile, asked of intake at the moment of delivery and never stored here (ADR 0008, ADR 0024).
 * Whether the worker still wants messages is notifications' own record ({@link Consents}).
 */
public interface WorkerContacts {

    /** The worker's mobile for a grievance; empty if intake has none (unknown grievance, personal data erased). */
    Optional<String> mobile(String grievanceId);

    /** Intake could not be asked (down, circuit open): the delivery is tried again later. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
