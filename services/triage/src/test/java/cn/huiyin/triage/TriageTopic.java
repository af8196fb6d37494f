package cn.huiyin.triage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import cn.huiyin.platform.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One outside reader of each of triage's topics for the whole test run, as any consumer would read it: its own group,
 * from the beginning. It keeps every record, so each test only waits for its grievance's (or organisation's) events
 * instead of joining a new consumer group every time.
 */
final class TriageTopic {

    private static final Map<String, TriageTopic> READERS = new ConcurrentHashMap<>();

    private final String topic;
    private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();

    private TriageTopic(String topic) {
        this.topic = topic;
        Thread poller = new Thread(this::poll, "triage-topic-reader-" + topic);
        poller.setDaemon(true);
        poller.start();
    }

    /** The case topic. */
    static TriageTopic get() {
        return of(TriageTestKit.TRIAGE_TOPIC);
    }

    /** The organisation registry's topic. */
    static TriageTopic organisations() {
        return of(TriageTestKit.ORGANISATION_TOPIC);
    }

    private static TriageTopic of(String topic) {
        return READERS.computeIfAbsent(topic, TriageTopic::new);
    }

    private void poll() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "triage-test-reader-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500),
            new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (!Thread.currentThread().isInterrupted()) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
    }

    /** The matching records once {@code count} have arrived, or those there are when the time is up. */
    List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> filter, int count,
                                               Duration timeout) {
        return await(filter, matching -> matching.size() >= count, timeout);
    }

    /** The matching records once they satisfy {@code done}, or those there are when the time is up. */
    List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> filter,
                                               Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ConsumerRecord<String, byte[]>> matching = records.stream().filter(filter).toList();
            if (done.test(matching) || System.nanoTime() > deadline) {
                return matching;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return matching;
            }
        }
    }
}
