package cn.huiyin.platform.messaging.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import cn.huiyin.platform.messaging.cloudevents.CloudEventKafkaHeaders;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that cannot be processed to its dead-letter topic {@code error.<topic>.<group>} (same partition, so
 * one grievance's dead letters stay in order), with the failure in {@code x-*} headers, and parks its grievance
 * ({@link ParkedEvents}) so that later events about it wait behind it. Dead-letter topics keep their records for as
 * long as the events' own topics (forever unless configured), since each is a grievance that needs a person.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final Producer<byte[], byte[]> producer;
    private final Admin admin;
    private final ParkedEvents parked;
    private final Clock clock;
    private final Duration sendTimeout;
    private final Set<String> prepared = ConcurrentHashMap.newKeySet();

    public DeadLetters(Producer<byte[], byte[]> producer, Admin admin, ParkedEvents parked, Clock clock,
                       Duration sendTimeout) {
        this.producer = producer;
        this.admin = admin;
        this.parked = parked;
        this.clock = clock;
        this.sendTimeout = sendTimeout;
    }

    public static String topicFor(String topic, String group) {
        return "error." + topic + "." + group;
    }

    /**
     * Dead-letters {@code record} and parks its subject. Throws if the broker does not take it, so the record is
     * retried rather than lost.
     */
    public void accept(ConsumerRecord<?, ?> record, Exception failure, String group) {
        String deadLetterTopic = topicFor(record.topic(), group);
        prepare(deadLetterTopic, record.topic());
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(deadLetterTopic, record.partition(),
            bytes(record.key()), bytes(record.value()));
        for (Header header : record.headers()) {
            if (!header.key().startsWith("x-")) {
                letter.headers().add(header);
            }
        }
        Throwable cause = rootCause(failure);
        add(letter, "x-original-topic", record.topic());
        add(letter, "x-original-partition", Integer.toString(record.partition()));
        add(letter, "x-original-offset", Long.toString(record.offset()));
        add(letter, "x-exception-fqcn", cause.getClass().getName());
        add(letter, "x-exception-message", String.valueOf(cause.getMessage()));
        add(letter, "x-failure-kind", InboundFailures.classify(failure).name());
        add(letter, "x-dead-lettered-at", clock.instant().toString());
        try {
            producer.send(letter).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not dead-letter a record of " + record.topic() + "; it will be retried", e);
        }
        String subject = header(record, CloudEventKafkaHeaders.SUBJECT);
        String eventId = header(record, CloudEventKafkaHeaders.ID);
        if (subject != null && eventId != null) {
            parked.park(subject, eventId, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        log.warn("Dead-lettered {}-{}@{} (event {} about {}) to {}: {}", record.topic(), record.partition(),
            record.offset(), eventId, subject, deadLetterTopic, cause.toString());
    }

    /** Creates the dead-letter topic like its source topic, or makes an existing one keep its records. */
    private void prepare(String deadLetterTopic, String sourceTopic) {
        if (prepared.contains(deadLetterTopic)) {
            return;
        }
        Map<String, String> retention = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1");
        try {
            int partitions = admin.describeTopics(List.of(sourceTopic)).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(sourceTopic).partitions().size();
            try {
                admin.createTopics(List.of(new NewTopic(deadLetterTopic, partitions, (short) -1).configs(retention)))
                    .all().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, deadLetterTopic);
                admin.incrementalAlterConfigs(Map.of(resource, retention.entrySet().stream()
                    .map(entry -> new AlterConfigOp(new ConfigEntry(entry.getKey(), entry.getValue()), AlterConfigOp.OpType.SET))
                    .toList())).all().get(10, TimeUnit.SECONDS);
            }
            prepared.add(deadLetterTopic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // The send below still auto-creates it (embedded stack) or fails and is retried (production).
            log.warn("Could not prepare dead-letter topic {}: {}", deadLetterTopic, e.toString());
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
            && !(cause instanceof MalformedEventException || cause instanceof ParkedBehindException)) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void add(ProducerRecord<byte[], byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
