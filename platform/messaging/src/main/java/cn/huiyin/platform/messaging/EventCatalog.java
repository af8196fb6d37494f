package cn.huiyin.platform.messaging;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The events a service publishes: for each event class, its CloudEvents type and its Kafka topic. Declared by each
 * service in its {@code messaging} package, so domain events stay plain Java records.
 */
public final class EventCatalog {

    /**
     * @param payloadType the event record
     * @param type        CloudEvents type, e.g. {@code cn.huiyin.intake.GrievanceSubmitted.v1}
     * @param topic       e.g. {@code huiyin.intake.grievance.v1}
     * @param subject     the grievance an event is about, when that is not the id of the aggregate that raised it
     */
    public record Entry(Class<?> payloadType, String type, String topic, Function<Object, String> subject) {
        public Entry {
            Objects.requireNonNull(payloadType, "payloadType");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(topic, "topic");
        }
    }

    private final Map<Class<?>, Entry> entries;

    private EventCatalog(Map<Class<?>, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Entry entryFor(Object event) {
        Entry entry = entries.get(event.getClass());
        if (entry == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " is not in this service's EventCatalog");
        }
        return entry;
    }

    public Optional<Entry> entryForType(String type) {
        return entries.values().stream().filter(entry -> entry.type().equals(type)).findFirst();
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    public static final class Builder {
        private final Map<Class<?>, Entry> entries = new LinkedHashMap<>();

        public Builder event(Class<?> payloadType, String type, String topic) {
            return add(new Entry(payloadType, type, topic, null));
        }

        @SuppressWarnings("unchecked")
        public <E> Builder event(Class<E> payloadType, String type, String topic, Function<E, String> subject) {
            return add(new Entry(payloadType, type, topic, event -> subject.apply((E) event)));
        }

        private Builder add(Entry entry) {
            if (entries.putIfAbsent(entry.payloadType(), entry) != null) {
                throw new IllegalArgumentException(entry.payloadType().getName() + " is declared twice");
            }
            return this;
        }

        public EventCatalog build() {
            return new EventCatalog(entries);
        }
    }
}
