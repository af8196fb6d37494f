package cn.huiyin.platform.messaging.inbound;

/**
 * The aggregate a handler reads or writes has already applied the event being handled (a redelivery, a replay, or a
 * second publication of the same event). The handler stops; the event counts as a duplicate, not as a failure.
 *
 * <p>A handler that changes several aggregates for one event catches it per aggregate and goes on with the others.
 */
public class EventAlreadyApplied extends RuntimeException {

    public EventAlreadyApplied(String aggregate, String eventId) {
        super("Event " + eventId + " was already applied to " + aggregate, null, false, false);
    }
}
