package cn.huiyin.platform.messaging.inbound;

/**
 * A record that can never be processed: not a CloudEvent, or data that does not fit the event type. It is not
 * retried; it goes straight to the dead-letter topic so the consumer can keep going.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
