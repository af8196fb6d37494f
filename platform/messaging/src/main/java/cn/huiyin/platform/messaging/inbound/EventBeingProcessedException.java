package cn.huiyin.platform.messaging.inbound;

/** Another consumer instance claimed this event moments ago; a retry will find it done or its claim expired. */
public class EventBeingProcessedException extends RuntimeException {

    public EventBeingProcessedException(String consumer, String eventId) {
        super("Event " + eventId + " is being processed by another instance of " + consumer);
    }
}
