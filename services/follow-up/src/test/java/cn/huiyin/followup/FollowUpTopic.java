package cn.huiyin.followup;

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
import java.util.function.Predicate;

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
 * One outside reader of follow-up's topic for the whole test run, as any consumer would read it: its own group, from
 * the beginning. Every record is checked against its contract in {@code contracts/events/follow-up} as it arrives.
 */
final class FollowUpTopic {

    static final String TOPIC = "huiyin.followup.case.v1";
    private static final JsonMapper JSON = new JsonMapper();
    private static final EventContracts CONTRACTS = new EventContracts();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static FollowUpTopic instance;

    /** A record as tests look at it: key, short type (e.g. {@code ReminderIssued}), data, CloudEvents headers. */
    record Event(String key, String type, JsonNode data, String id, String source, String subject) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> contractViolations = new CopyOnWriteArrayList<>();

    private FollowUpTopic() {
        Thread poller = new Thread(this::poll, "follow-up-topic-reader");
        poller.setDaemon(true);
        poller.start();
    }

    static synchronized FollowUpTopic get() {
        if (instance == null) {
            instance = new FollowUpTopic();
        }
        return instance;
    }

    private void poll() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "follow-up-test-reader-" + UUID.randomUUID(),
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
        String shortType = type.replace("cn.huiyin.followup.", "").replace(".v1", "");
        List<String> problems = CONTRACTS.validate(schema(shortType), data);
        if (!problems.isEmpty()) {
            contractViolations.add(type + " " + data + ": " + problems);
        }
        events.add(new Event(record.key(), shortType, JSON.readTree(data), header(record, "ce_id"),
            header(record, "ce_source"), header(record, "ce_subject")));
    }

    /** Events about one grievance or action item (the Kafka key), in order, once {@code done} holds or time is up. */
    List<Event> await(String key, Predicate<List<Event>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Event> matching = of(key);
            if (done.test(matching) || System.nanoTime() > deadline) {
                return matching;
            }
            sleep(50);
        }
    }

    /** The first event of {@code type} about {@code key} satisfying {@code match}, waiting for it. */
    JsonNode await(String key, String type, Predicate<JsonNode> match) {
        List<Event> events = await(key, list -> list.stream().anyMatch(e -> e.type().equals(type)
            && match.test(e.data())), Duration.ofSeconds(40));
        return events.stream().filter(e -> e.type().equals(type) && match.test(e.data())).findFirst()
            .map(Event::data).orElseThrow(() -> new AssertionError("no " + type + " for " + key + " among "
                + events.stream().map(Event::type).toList()));
    }

    JsonNode await(String key, String type) {
        return await(key, type, data -> true);
    }

    /** Waits {@code quiet} and returns what arrived about {@code key} by then: to show that nothing more came. */
    List<Event> settle(String key, Duration quiet) {
        sleep(quiet.toMillis());
        return of(key);
    }

    List<Event> of(String key) {
        return events.stream().filter(e -> key.equals(e.key())).toList();
    }

    /** Every event read so far met its contract, named its subject and carried no phone number. */
    void assertAllMetTheirContracts() {
        assertThat(contractViolations).isEmpty();
        for (Event event : events) {
            assertThat(event.source()).isEqualTo("/huiyin/follow-up");
            assertThat(event.subject()).isEqualTo(event.key());
            assertThat(event.data().toString()).doesNotContainPattern("1[3-9][0-9]{9}");
        }
    }

    private static Schema schema(String shortType) {
        return SCHEMAS.computeIfAbsent(shortType, type -> {
            try {
                return CONTRACTS.schemaFromText(Files.readString(
                    Path.of("../../contracts/events/follow-up/" + type + "/v1.schema.json")));
            } catch (IOException e) {
                throw new UncheckedIOException("No contract for " + type, e);
            }
        });
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
