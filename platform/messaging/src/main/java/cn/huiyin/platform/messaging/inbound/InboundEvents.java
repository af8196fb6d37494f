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
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import tools.jackson.core.JacksonException;

/**
 * Builds the functions that Spring Cloud Stream binds to input topics. Each received record is read as a CloudEvent,
 * routed by its type to the consumer's handler, read into the consumer's own view of the data and applied once:
 * <ul>
 *   <li>the handler runs inside {@link InboundContext}, so the aggregate it changes records the event in the same
 *       write as the effect, and a redelivered event finds it already applied ({@link EventAlreadyApplied}: counted
 *       as a duplicate, no second effect). Handlers whose effect is not an aggregate write (counters, projections)
 *       either upsert pure state or ask for a claim per event ({@link EventHandlers#claimEachEvent()});</li>
 *   <li>a record that can never be processed raises {@link MalformedEventException} and goes to the dead-letter
 *       topic without retries; infrastructure failures are retried with back-off until the dependency is back
 *       ({@link InboundFailures});</li>
 *   <li>while an earlier event about the same grievance waits in the dead-letter topic ({@link ParkedEvents}), later
 *       ones go there behind it ({@link ParkedBehindException}); replaying the dead letters in order
 *       ({@code ./huiyin dlq replay}) applies them and releases the grievance.</li>
 * </ul>
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

    /** Header the dead-letter replay puts on a record it sends back to its topic. */
    public static final String REPLAY_HEADER = "huiyin_replay";

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final EventJson json;
    private final IdempotentConsumer idempotency;
    private final ParkedEvents parked;
    private final MeterRegistry meters;

    public InboundEvents(EventJson json, IdempotentConsumer idempotency, ParkedEvents parked, MeterRegistry meters) {
        this.json = json;
        this.idempotency = idempotency;
        this.parked = parked;
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
        dispatch(consumerName, handlers, event, registration.get(), message.getHeaders());
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

    private <T> void dispatch(String consumerName, EventHandlers handlers, CloudEvent event,
                              EventHandlers.Registration<T> registration, MessageHeaders headers) {
        T data;
        try {
            data = json.read(event.data(), registration.dataType());
        } catch (JacksonException e) {
            count(consumerName, "malformed");
            throw new MalformedEventException("Data of " + event + " does not fit " + registration.dataType().getSimpleName()
                + ": " + e.getOriginalMessage(), e);
        }
        InboundEvent<T> inbound = new InboundEvent<>(event.id(), event.source(), event.type(), event.subject(),
            event.time(), data, event.aggregateId(), event.sequence(), position(headers));

        boolean replayed = headers.containsKey(REPLAY_HEADER);
        ParkedEvents.Parked waiting = event.subject() == null ? null
            : (replayed ? parked.findNow(event.subject()) : parked.find(event.subject())).orElse(null);
        if (waiting != null) {
            if (!waiting.eventIds().contains(event.id())) {
                count(consumerName, "parked");
                throw new ParkedBehindException(event.subject(), event.id(), waiting.head());
            }
            if (!replayed) {
                // Delivered again after it was dead-lettered (its offset commit was lost): it already waits there.
                count(consumerName, "duplicate");
                return;
            }
            if (!event.id().equals(waiting.head())) {
                count(consumerName, "parked");
                throw new ParkedBehindException(event.subject(), event.id(), waiting.head());
            }
        }

        boolean applied = apply(consumerName, handlers, registration, inbound);
        if (waiting != null) {
            parked.release(event.subject(), event.id());
            log.info("{} applied replayed event {} about {}; {} more waiting", consumerName, event.id(),
                event.subject(), waiting.eventIds().size() - 1);
        }
        count(consumerName, applied ? "applied" : "duplicate");
    }

    private <T> boolean apply(String consumerName, EventHandlers handlers, EventHandlers.Registration<T> registration,
                              InboundEvent<T> inbound) {
        try {
            if (handlers.claimsEachEvent()) {
                return idempotency.process(consumerName, inbound.id(),
                    () -> InboundContext.run(inbound, () -> registration.handler().handle(inbound)));
            }
            return InboundContext.run(inbound, () -> registration.handler().handle(inbound));
        } catch (EventAlreadyApplied duplicate) {
            log.debug("{}: {}", consumerName, duplicate.getMessage());
            return false;
        }
    }

    private static InboundEvent.Position position(MessageHeaders headers) {
        Object topic = headers.get(KafkaHeaders.RECEIVED_TOPIC);
        Object partition = headers.get(KafkaHeaders.RECEIVED_PARTITION);
        Object offset = headers.get(KafkaHeaders.OFFSET);
        if (topic == null || !(partition instanceof Number p) || !(offset instanceof Number o)) {
            return null;
        }
        return new InboundEvent.Position(topic.toString(), p.intValue(), o.longValue());
    }

    private void count(String consumerName, String outcome) {
        meters.counter("huiyin.inbound.events", "consumer", consumerName, "outcome", outcome).increment();
    }
}
