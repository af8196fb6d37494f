package cn.huiyin.notifications.application;

/**
 * Port: whether someone holds a grievance's tracking number and query code (intake keeps the secret and locks out
 * guessing, ADR 0021). Nothing of the answer but yes or no is kept.
 */
public interface WorkerVerification {

    /**
     * @param client the caller's address, so intake's limits count the worker rather than this service
     * @throws Unavailable if intake cannot be asked now
     */
    boolean isWorker(String trackingNumber, String queryCode, String client);

    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
