package cn.huiyin.platform.messaging.inbound;

/**
 * An event about a grievance whose earlier event waits in the dead-letter topic. It is not applied (that would put
 * the grievance's events out of order) and goes to the dead-letter topic behind the earlier one, without retries.
 */
public class ParkedBehindException extends RuntimeException {

    public ParkedBehindException(String subject, String eventId, String head) {
        super("Event " + eventId + " about " + subject + " waits behind dead-lettered event " + head);
    }
}
