package cn.huiyin.platform.messaging.inbound;

import java.util.Optional;
import java.util.function.Consumer;

import cn.huiyin.platform.messaging.EventJson;
import cn.huiyin.platform.messaging.cloudevents.CloudEvent;
import cn.huiyin.platform.messaging.cloudevents.CloudEventKafkaHeaders;
import cn.huiyin.platform.messaging.cloudevents.InvalidCloudEventException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;

/**
 * Builds the functions that Spring Cloud Stream binds to input topics. Each received record is read as a CloudEvent,
 * routed by its type to the consumer's handler, read into the consumer's own view of the data and applied at most
 * once (see {@link IdempotentConsumer}). A record that can never be processed raises
 * {@link MalformedEventException}, which the binder sends to the dead-letter topic without retrying.
 *
 * <p>An event type belongs to the service its name says ({@code cn.huiyin.triage.GrievanceAssigned.v1} to triage),
 * and a consumer accepts it only with that service's {@code ce_source} ({@code /huiyin/triage}; a dash in a service
 * name is dropped in type names: {@code /huiyin/joint-meeting} owns {@code cn.huiyin.jointmeeting.*}). Anyone else
 * who managed to write to the topic is not believed: the record is dead-lettered, never applied.
 *
 * <pre>{@code
 * @Bean
 * Consumer<Message<byte[]>> grievances(InboundEvents inbound, Triage triage) {
 *     return inbound.consumer("triage", handlers -> handlers
 *         .on("cn.huiyin.intake.GrievanceSubmitted.v1", SubmittedGrievance.class, triage::onSubmitted));
 * }
 * }</pre>
 */
public class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final EventJson json;
    private final IdempotentConsumer idempotency;
    private final MeterRegistry meters;

    public InboundEvents(EventJson json, IdempotentConsumer idempotency, MeterRegistry meters) {
        this.json = json;
        this.idempotency = idempotency;
        this.meters = meters;
    }

    public Consumer<Message<byte[]>> consumer(String consumerName, Consumer<EventHandlers> registration) {
        EventHandlers handlers = new EventHandlers();
        registration.accept(handlers);
        return message -> receive(consumerName, handlers, message);
    }

    private void receive(String consumerName, EventHandlers handlers, Message<byte[]> message) {
        CloudEvent event;
        try {
            event = CloudEventKafkaHeaders.read(message.getHeaders()::get, message.getPayload());
        } catch (InvalidCloudEventException e) {
            count(consumerName, "malformed");
            throw new MalformedEventException(e.getMessage(), e);
        }
        Optional<EventHandlers.Registration<?>> registration = handlers.forType(event.type());
        if (registration.isEmpty()) {
            log.debug("{} ignores {}", consumerName, event);
            count(consumerName, "ignored");
            return;
        }
        if (!fromOwner(event)) {
            count(consumerName, "untrusted-source");
            throw new MalformedEventException(event + " comes from " + event.source()
                + ", not from the service that owns the type", null);
        }
        dispatch(consumerName, event, registration.get());
    }

    /** Whether the event's source is the service its type belongs to. */
    static boolean fromOwner(CloudEvent event) {
        String[] type = event.type().split("\\.");
        String prefix = "/huiyin/";
        if (type.length < 4 || !type[0].equals("cn") || !type[1].equals("huiyin")
            || !event.source().startsWith(prefix)) {
            return false;
        }
        String service = event.source().substring(prefix.length());
        return !service.isEmpty() && service.replace("-", "").equals(type[2]);
    }

    private <T> void dispatch(String consumerName, CloudEvent event, EventHandlers.Registration<T> registration) {
        T data;
        try {
            data = json.read(event.data(), registration.dataType());
        } catch (JacksonException e) {
            count(consumerName, "malformed");
            throw new MalformedEventException("Data of " + event + " does not fit " + registration.dataType().getSimpleName()
                + ": " + e.getOriginalMessage(), e);
        }
        InboundEvent<T> inbound = new InboundEvent<>(event.id(), event.source(), event.type(), event.subject(),
            event.time(), data);
        boolean applied = idempotency.process(consumerName, event.id(), () -> registration.handler().handle(inbound));
        count(consumerName, applied ? "applied" : "duplicate");
    }

    private void count(String consumerName, String outcome) {
        meters.counter("huiyin.inbound.events", "consumer", consumerName, "outcome", outcome).increment();
    }
}
