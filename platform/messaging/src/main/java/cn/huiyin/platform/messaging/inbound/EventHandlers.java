package cn.huiyin.platform.messaging.inbound;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The event types one consumer reacts to; records of other types on the same topic are skipped. */
public final class EventHandlers {

    record Registration<T>(Class<T> dataType, EventHandler<T> handler) {
    }

    private final Map<String, Registration<?>> byType = new LinkedHashMap<>();

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

    Optional<Registration<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
