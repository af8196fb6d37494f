package cn.huiyin.dashboard.messaging;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import cn.huiyin.dashboard.application.projection.Position;
import cn.huiyin.dashboard.application.rebuild.EventIdentity;
import cn.huiyin.dashboard.application.rebuild.HistoricEvent;
import cn.huiyin.dashboard.domain.fact.CaseFact;
import cn.huiyin.platform.messaging.EventJson;
import cn.huiyin.platform.messaging.cloudevents.CloudEvent;
import cn.huiyin.platform.messaging.cloudevents.CloudEventKafkaHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a record of history into what it does, as a live consumer would have applied it. A record the live consumer
 * would have dead-lettered (not a CloudEvent, data that does not fit, a required field missing) or ignored (a type the
 * dashboard does not read) does nothing here either.
 */
final class HistoricEvents {

    private final EventJson json;
    private final Map<String, Translation<?>> byType;

    HistoricEvents(EventJson json, Map<String, Translation<?>> byType) {
        this.json = json;
        this.byType = byType;
    }

    Optional<HistoricEvent> read(ConsumerRecord<String, byte[]> record) {
        try {
            CloudEvent event = CloudEventKafkaHeaders.fromHeaders(record.headers(), record.value());
            Position position = new Position(Slots.slot(record.topic(), record.partition()), record.offset());
            EventIdentity identity = new EventIdentity(event.id(), event.source(), event.type(), event.subject(),
                event.time(), event.aggregateId(), event.sequence());
            if (OrganisationEvents.TYPE.equals(event.type())) {
                OrganisationEvents.OrganisationUpdated data = json.read(event.data(),
                    OrganisationEvents.OrganisationUpdated.class);
                return Optional.of(new HistoricEvent(position, identity, List.of(), null, data.toRegistered()));
            }
            Translation<?> translation = byType.get(event.type());
            return translation == null ? Optional.empty() : Optional.of(read(translation, event, position, identity));
        } catch (RuntimeException unusable) {
            return Optional.empty();
        }
    }

    private <T> HistoricEvent read(Translation<T> translation, CloudEvent event, Position position,
                                   EventIdentity identity) {
        T data = json.read(event.data(), translation.dataType());
        List<String> ids = translation.grievanceIds().apply(data);
        Consumer<CaseFact> change = translation.change().apply(data);
        change.accept(new CaseFact("probe"));
        return new HistoricEvent(position, identity, ids, change, null);
    }
}
