package cn.huiyin.platform.messaging.inbound;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The event types one consumer reacts to; records of other types on the same topic are skipped. */
public final class EventHandlers {

    record Registration<T>(Class<T> dataType, EventHandler<T> handler) {
    }

    private final Map<String, Registration<?>> byType = new LinkedHashMap<>();
    private boolean claimEachEvent;

    /**
     * @param type     CloudEvents type, e.g. {@code cn.huiyin.intake.GrievanceSubmitted.v1}
     * @param dataType the consumer's own record for the event's data (unknown fields are ignored)
     */
    public <T> EventHandlers on(String type, Class<T> dataType, EventHandler<T> handler) {
        if (byType.putIfAbsent(type, new Registration<>(dataType, handler)) != null) {
            throw new IllegalArgumentException("Two handlers for " + type);
        }
        return this;
    }

    /**
     * For handlers whose effect is not one aggregate write (and so cannot record the event with it): each event is
     * claimed in {@code processed_events} before its effect and marked done after it ({@link IdempotentConsumer}).
     * A crash between effect and mark can still repeat the effect; prefer aggregates or pure upserts.
     */
    public EventHandlers claimEachEvent() {
        this.claimEachEvent = true;
        return this;
    }

    boolean claimsEachEvent() {
        return claimEachEvent;
    }

    Optional<Registration<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
