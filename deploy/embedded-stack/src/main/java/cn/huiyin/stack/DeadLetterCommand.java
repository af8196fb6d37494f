package cn.huiyin.stack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./huiyin dlq}: dead letters are records a consumer could never process (malformed, breaking a rule, or
 * waiting behind such a record of the same grievance). The platform writes them to {@code error.<topic>.<group>} with
 * the failure in {@code x-*} headers and parks their grievance. {@code list} shows them; {@code replay} sends them
 * back to their original topic and partition, in order, marked as a replay: the consumer applies the grievance's
 * parked events one after the other and releases it, while an event already applied (or superseded by a later one of
 * the same aggregate) changes nothing.
 *
 * <p>Works against any broker: {@code HUIYIN_KAFKA_BOOTSTRAP} (default the embedded one) and, for an authenticated
 * broker, {@code HUIYIN_KAFKA_CLIENT_CONFIG}: a properties file of Kafka client settings ({@code security.protocol},
 * {@code sasl.mechanism}, {@code sasl.jaas.config}, …), as Kafka's own tools take with {@code --command-config}.
 */
final class DeadLetterCommand {

    static final String PREFIX = "error.";

    /** The header a replayed record carries (platform {@code InboundEvents.REPLAY_HEADER}). */
    static final String REPLAY_HEADER = "huiyin_replay";

    private final String bootstrap;
    private final Map<String, Object> clientConfig;

    DeadLetterCommand(StackLayout layout) {
        this(System.getenv().getOrDefault("HUIYIN_KAFKA_BOOTSTRAP", layout.kafkaBootstrap()),
            clientConfig(System.getenv("HUIYIN_KAFKA_CLIENT_CONFIG")));
    }

    DeadLetterCommand(String bootstrap, Map<String, Object> clientConfig) {
        this.bootstrap = bootstrap;
        this.clientConfig = Map.copyOf(clientConfig);
    }

    /** Kafka client settings from a properties file, or none. */
    static Map<String, Object> clientConfig(String file) {
        if (file == null || file.isBlank()) {
            return Map.of();
        }
        java.util.Properties properties = new java.util.Properties();
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(file))) {
            properties.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read Kafka client settings from " + file, e);
        }
        Map<String, Object> config = new java.util.HashMap<>();
        properties.forEach((key, value) -> config.put(key.toString(), value));
        return config;
    }

    private Map<String, Object> config(Map<String, Object> own) {
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.put("bootstrap.servers", bootstrap);
        config.putAll(own);
        return config;
    }

    int run(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("list") && args.length == 1) {
            return listTopics();
        }
        if (args[0].equals("list")) {
            return listRecords(args[1]);
        }
        if (args[0].equals("replay") && args.length >= 2) {
            Set<Long> offsets = new TreeSet<>();
            Arrays.stream(args, 2, args.length).forEach(o -> offsets.add(Long.parseLong(o)));
            return replay(args[1], offsets);
        }
        System.err.println("Usage: ./huiyin dlq list [topic] | ./huiyin dlq replay <topic> [offset ...]");
        return 2;
    }

    private int listTopics() throws Exception {
        try (Admin admin = Admin.create(config(Map.of()))) {
            Set<String> topics = new TreeSet<>(admin.listTopics().names().get(10, TimeUnit.SECONDS));
            List<String> deadLetterTopics = topics.stream().filter(t -> t.startsWith(PREFIX)).toList();
            if (deadLetterTopics.isEmpty()) {
                System.out.println("No dead-letter topics on " + bootstrap + ".");
            }
            for (String topic : deadLetterTopics) {
                System.out.printf("%-60s %d record(s)%n", topic, read(topic).size());
            }
        }
        return 0;
    }

    private int listRecords(String topic) {
        List<ConsumerRecord<String, byte[]>> records = read(topic);
        System.out.printf("%d dead letter(s) in %s%n", records.size(), topic);
        for (ConsumerRecord<String, byte[]> r : records) {
            System.out.printf("%n  offset %d  partition %d  at %s%n", r.offset(), r.partition(), Instant.ofEpochMilli(r.timestamp()));
            System.out.printf("    key      %s%n", r.key());
            System.out.printf("    type     %s%n", header(r, "ce_type"));
            System.out.printf("    event id %s%n", header(r, "ce_id"));
            System.out.printf("    from     %s%n", header(r, "x-original-topic"));
            String reason = header(r, "x-exception-message");
            System.out.printf("    reason   %s%n", reason == null ? "-" : reason.lines().findFirst().orElse(""));
        }
        return 0;
    }

    private int replay(String topic, Set<Long> offsets) throws Exception {
        List<ConsumerRecord<String, byte[]>> records = read(topic).stream()
            .filter(r -> offsets.isEmpty() || offsets.contains(r.offset()))
            .sorted(java.util.Comparator.comparingInt((ConsumerRecord<String, byte[]> r) -> r.partition())
                .thenComparingLong(ConsumerRecord::offset))
            .toList();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config(Map.of(
            "acks", "all", "enable.idempotence", true, "max.in.flight.requests.per.connection", 1)),
            new StringSerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<String, byte[]> r : records) {
                String original = header(r, "x-original-topic");
                if (original == null) {
                    original = originalTopic(topic);
                }
                String partition = header(r, "x-original-partition");
                ProducerRecord<String, byte[]> replayed = new ProducerRecord<>(original,
                    partition == null ? null : Integer.valueOf(partition), r.key(), r.value());
                for (Header h : r.headers()) {
                    // Keep the event's own headers; drop the binder's failure details and delivery bookkeeping.
                    if (!h.key().startsWith("x-") && !h.key().startsWith("kafka_") && !h.key().startsWith("deliveryAttempt")
                        && !h.key().equals(REPLAY_HEADER)) {
                        replayed.headers().add(h);
                    }
                }
                replayed.headers().add(REPLAY_HEADER, (topic + "@" + r.partition() + ":" + r.offset())
                    .getBytes(StandardCharsets.UTF_8));
                producer.send(replayed).get(10, TimeUnit.SECONDS);
                System.out.printf("Replayed offset %d (%s) to %s%n", r.offset(), header(r, "ce_id"), original);
            }
        }
        System.out.printf("%d record(s) replayed.%n", records.size());
        return 0;
    }

    /** {@code error.huiyin.intake.grievance.v1.triage} came from {@code huiyin.intake.grievance.v1}. */
    static String originalTopic(String deadLetterTopic) {
        String withoutPrefix = deadLetterTopic.substring(PREFIX.length());
        return withoutPrefix.substring(0, withoutPrefix.lastIndexOf('.'));
    }

    private List<ConsumerRecord<String, byte[]>> read(String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config(Map.of(
            "enable.auto.commit", false)), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
