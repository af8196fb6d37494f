package cn.huiyin.platform.messaging.inbound;

/**
 * An event that cannot be applied yet but will be once something else has happened, e.g. a case's sign-for that
 * arrives on one topic before the grievance it concerns has arrived on another. It is retried with back-off, keeping
 * its place (and the partition's order); it never goes to the dead-letter topic for this.
 */
public class RetryLaterException extends RuntimeException {

    public RetryLaterException(String message) {
        super(message);
    }
}
