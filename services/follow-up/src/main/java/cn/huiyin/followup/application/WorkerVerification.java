package cn.huiyin.followup.application;

/**
 * Tells whether someone holding a tracking number and its secret (the query code on the receipt) is the worker who filed
 * it. Intake keeps the secret, as a keyed hash; follow-up never stores it.
 */
public interface WorkerVerification {

    /**
     * @param client the address the worker called from, so the keeper of the secret can rate-limit guessing per client
     */
    boolean isWorker(String trackingNumber, String secret, String client);
}
