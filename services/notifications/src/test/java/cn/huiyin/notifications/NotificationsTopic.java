package cn.huiyin.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.huiyin.contracts.EventContracts;
import cn.huiyin.platform.test.TestInfrastructure;
import com.networknt.schema.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One outside reader of notifications' topic for the whole test run, from the beginning, checking every record
 * against its contract in {@code contracts/events/notifications} as it arrives.
 */
final class NotificationsTopic {

    static final String TOPIC = "huiyin.notifications.notification.v1";
    private static final JsonMapper JSON = new JsonMapper();
    private static final EventContracts CONTRACTS = new EventContracts();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static NotificationsTopic instance;

    record Event(String key, String type, JsonNode data, String id, String source, String subject) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> contractViolations = new CopyOnWriteArrayList<>();

    private NotificationsTopic() {
        Thread poller = new Thread(this::poll, "notifications-topic-reader");
        poller.setDaemon(true);
        poller.start();
    }

    static synchronized NotificationsTopic get() {
        if (instance == null) {
            instance = new NotificationsTopic();
        }
        return instance;
    }

    private void poll() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "notifications-test-reader-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500),
            new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            while (!Thread.currentThread().isInterrupted()) {
                consumer.poll(Duration.ofMillis(100)).forEach(this::add);
            }
        }
    }

    private void add(ConsumerRecord<String, byte[]> record) {
        String type = header(record, "ce_type");
        String data = new String(record.value(), StandardCharsets.UTF_8);
        String shortType = type.replace("cn.huiyin.notifications.", "").replace(".v1", "");
        List<String> problems = CONTRACTS.validate(schema(shortType), data);
        if (!problems.isEmpty()) {
            contractViolations.add(type + " " + data + ": " + problems);
        }
        events.add(new Event(record.key(), shortType, JSON.readTree(data), header(record, "ce_id"),
            header(record, "ce_source"), header(record, "ce_subject")));
    }

    List<Event> of(String key) {
        return events.stream().filter(e -> key.equals(e.key())).toList();
    }

    /** Every event read so far met its contract, named its subject and carried no phone number or e-mail address. */
    void assertAllMetTheirContracts() {
        assertThat(contractViolations).isEmpty();
        for (Event event : events) {
            assertThat(event.source()).isEqualTo("/huiyin/notifications");
            assertThat(event.subject()).isEqualTo(event.key());
            // A mobile stands alone: eleven digits inside a longer run of letters and digits are a UUID's hex (an
            // event id such as …-b17929162460), not a phone number.
            assertThat(event.data().toString()).doesNotContainPattern("(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])")
                .doesNotContain("@");
        }
    }

    private static Schema schema(String shortType) {
        return SCHEMAS.computeIfAbsent(shortType, type -> {
            try {
                return CONTRACTS.schemaFromText(Files.readString(
                    Path.of("../../contracts/events/notifications/" + type + "/v1.schema.json")));
            } catch (IOException e) {
                throw new UncheckedIOException("No contract for " + type, e);
            }
        });
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
