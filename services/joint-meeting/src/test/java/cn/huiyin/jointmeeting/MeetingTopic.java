package cn.huiyin.jointmeeting;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import cn.huiyin.platform.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One outside reader of joint-meeting's topic for the whole test run, as follow-up or intake would read it: its own
 * group, from the beginning, keeping every record so each test waits only for its own.
 */
final class MeetingTopic {

    static final String TOPIC = "huiyin.jointmeeting.meeting.v1";
    private static MeetingTopic instance;

    private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();

    private MeetingTopic() {
        Thread poller = new Thread(this::poll, "joint-meeting-topic-reader");
        poller.setDaemon(true);
        poller.start();
    }

    static synchronized MeetingTopic get() {
        if (instance == null) {
            instance = new MeetingTopic();
        }
        return instance;
    }

    private void poll() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "joint-meeting-test-reader-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500),
            new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            while (!Thread.currentThread().isInterrupted()) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
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

    /** Every record seen so far that matches (to show that nothing more came). */
    List<ConsumerRecord<String, byte[]>> seen(Predicate<ConsumerRecord<String, byte[]>> filter) {
        return records.stream().filter(filter).toList();
    }
}
