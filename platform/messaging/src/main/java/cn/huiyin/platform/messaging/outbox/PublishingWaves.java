package cn.huiyin.platform.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import cn.huiyin.platform.messaging.cloudevents.CloudEvent;
import cn.huiyin.platform.messaging.cloudevents.CloudEventKafkaHeaders;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends aggregates' pending events so that a later event of an aggregate never reaches a topic before an earlier one,
 * even when a send fails for good (ADR 0036).
 *
 * <p>Each wave sends, per aggregate, its next <em>run</em>: the events that follow one another in its outbox with the
 * same topic and subject, so the same partition. The producer lingers until the wave is flushed, so a run travels in
 * one batch, which the broker appends whole or not at all: its events succeed or fail together, and one append (and
 * one compressed block) carries them. The next run of an aggregate is sent only once the one before it was
 * acknowledged; an aggregate whose run failed sends nothing more in this round. Aggregates go side by side, so a
 * round usually takes one wave.
 */
final class PublishingWaves {

    private static final Logger log = LoggerFactory.getLogger(PublishingWaves.class);

    /**
     * A run stops before this many characters of event data (at most three bytes each in UTF-8), so it fits one
     * producer batch ({@code batch.size}, 64 KiB for the outbox's producer).
     */
    static final int MAX_RUN_CHARS = 8 * 1024;

    private final Producer<String, byte[]> producer;
    private final Duration sendTimeout;
    private final Consumer<OutboxEvent> acknowledged;

    private record Sent(OutboxEvent event, Future<RecordMetadata> result) {
    }

    PublishingWaves(Producer<String, byte[]> producer, Duration sendTimeout, Consumer<OutboxEvent> acknowledged) {
        this.producer = producer;
        this.sendTimeout = sendTimeout;
        this.acknowledged = acknowledged;
    }

    /** @return per aggregate, the ids of its events the broker acknowledged, in order (a prefix of its outbox) */
    Map<String, List<String>> send(Map<String, List<OutboxEvent>> pending) {
        Map<String, List<String>> done = new LinkedHashMap<>();
        Map<String, Integer> next = new HashMap<>();
        Set<String> stopped = new HashSet<>();
        while (!Thread.currentThread().isInterrupted()) {
            Map<String, List<Sent>> wave = new LinkedHashMap<>();
            pending.forEach((id, events) -> {
                int from = next.getOrDefault(id, 0);
                if (!stopped.contains(id) && from < events.size()) {
                    List<OutboxEvent> run = run(events, from);
                    wave.put(id, run.stream().map(event -> new Sent(event, send(event))).toList());
                    next.put(id, from + run.size());
                }
            });
            if (wave.isEmpty()) {
                break;
            }
            flush();
            wave.forEach((id, sends) -> {
                if (!awaitRun(sends, done.computeIfAbsent(id, x -> new ArrayList<>()))) {
                    stopped.add(id);
                }
            });
        }
        done.values().removeIf(List::isEmpty);
        return done;
    }

    /**
     * The events from {@code from} on bound for the same topic and subject (the key, so the partition) as the first,
     * within {@link #MAX_RUN_CHARS}; an event without a subject goes alone.
     */
    static List<OutboxEvent> run(List<OutboxEvent> events, int from) {
        OutboxEvent first = events.get(from);
        int end = from + 1;
        if (first.subject() == null) {
            // Without a key the producer picks any partition, so the next event might not share the batch.
            return events.subList(from, end);
        }
        long chars = first.data().length();
        while (end < events.size()) {
            OutboxEvent event = events.get(end);
            chars += event.data().length();
            if (!event.topic().equals(first.topic()) || !first.subject().equals(event.subject()) || chars > MAX_RUN_CHARS) {
                break;
            }
            end++;
        }
        return events.subList(from, end);
    }

    /** Adds the acknowledged prefix of a run to {@code done}; false if any of its events was not acknowledged. */
    private boolean awaitRun(List<Sent> sends, List<String> done) {
        boolean prefix = true;
        for (Sent sent : sends) {
            boolean ok = await(sent);
            if (ok && !prefix) {
                // A batch is appended whole, so this should not happen; if it does, the later event is on the topic
                // ahead of the earlier one, which is sent again (consumers skip the repeat by its id).
                log.error("Event {} was acknowledged after an earlier event of {} was not: the topic may hold them out "
                    + "of order", sent.event().eventId(), sent.event().aggregateId());
            }
            if (ok && prefix) {
                done.add(sent.event().eventId());
                acknowledged.accept(sent.event());
            }
            prefix &= ok;
        }
        return prefix;
    }

    private Future<RecordMetadata> send(OutboxEvent event) {
        CloudEvent cloudEvent = new CloudEvent(event.eventId(), event.source(), event.type(), event.time(),
            event.subject(), CloudEvent.JSON, event.data().getBytes(StandardCharsets.UTF_8), event.aggregateId(),
            event.sequence());
        return producer.send(new ProducerRecord<>(event.topic(), null, event.subject(), cloudEvent.data(),
            CloudEventKafkaHeaders.toHeaders(cloudEvent)));
    }

    /** Lets the wave's batches go now; their outcome is read from each send. */
    private void flush() {
        try {
            producer.flush();
        } catch (InterruptException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean await(Sent sent) {
        try {
            sent.result().get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            log.debug("Event {} not acknowledged: {}", sent.event().eventId(), e.toString());
            return false;
        }
    }
}
